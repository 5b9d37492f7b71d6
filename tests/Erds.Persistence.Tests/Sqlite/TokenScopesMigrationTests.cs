using Erds.Persistence.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace Erds.Persistence.Tests.Sqlite;

// A database created before tokens had scopes and an expiry, holding a token, brought up to date as a
// host does on start: the token keeps working as it did (every scope the API had then, no expiry).
public sealed class TokenScopesMigrationTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "erds-migration-" + Guid.NewGuid().ToString("N"));

    private string ConnectionString => new StorageOptions { DataDirectory = _directory }.SqliteConnectionString;

    [Fact]
    public async Task A_token_issued_before_scopes_existed_gets_the_legacy_scopes_and_no_expiry()
    {
        var cancel = TestContext.Current.CancellationToken;
        var credentialId = Guid.NewGuid();
        await using (var db = ErdsDatabase.Open(StorageProviders.Sqlite, ConnectionString))
        {
            var migrations = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).ToList();
            var beforeScopes = migrations[migrations.FindIndex(m => m.EndsWith("_AccessLogAndTokenScopes", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(beforeScopes, cancel);
            var organisationId = Guid.NewGuid();
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO Organisations (Id, Handle, LegalName, CreatedAt) VALUES ({organisationId}, 'rechtbank', 'Rechtbank', 0)", cancel);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO ApiCredentials (Id, OrganisationId, Label, SecretHash, AssuranceLevel, CreatedAt) VALUES ({credentialId}, {organisationId}, 'api', {new byte[32]}, {AssuranceLevels.Substantial}, 0)", cancel);
        }

        await using (var db = ErdsDatabase.Open(StorageProviders.Sqlite, ConnectionString))
        {
            await db.Database.MigrateAsync(cancel);
            var credential = await db.ApiCredentials.AsNoTracking().SingleAsync(c => c.Id == credentialId, cancel);
            Assert.Equal(ApiScopes.Legacy, credential.Scopes);
            Assert.Equal(["send", "receive", "evidence"], ApiScopes.Split(credential.Scopes));
            Assert.Null(credential.ExpiresAt);
            Assert.False(credential.IsExpiredAt(DateTimeOffset.MaxValue));
        }
    }

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
