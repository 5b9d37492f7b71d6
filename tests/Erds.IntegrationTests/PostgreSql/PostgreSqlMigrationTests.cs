using Erds.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

// The committed migrations, applied by EF Core as a starting host applies them, on an empty database.
public sealed class PostgreSqlMigrationTests : IAsyncLifetime
{
    private string _connectionString = "";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        if (_connectionString.Length > 0) await PostgresServer.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task Migrations_create_every_table_of_the_model_with_its_unique_keys_on_an_empty_database()
    {
        await using var db = ErdsDatabase.Open(StorageProviders.PostgreSql, _connectionString);
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync(Cancel));

        await db.Database.MigrateAsync(Cancel);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Cancel));
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync(Cancel);
        Assert.All(db.Model.GetEntityTypes().Select(e => e.GetTableName()!), table => Assert.Contains(table, tables));
        var unique = await db.Database.SqlQueryRaw<string>(
            "SELECT indexname AS \"Value\" FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE INDEX%'").ToListAsync(Cancel);
        Assert.Contains("IX_Evidence_DeliveryEventId", unique);
        Assert.Contains("IX_Evidence_MessageId_RecipientIndex_EventName", unique);
        Assert.Contains("IX_IdempotencyRecords_OrganisationId_Key", unique);
        Assert.Contains("PK_InboxMessages", unique);
        var instantType = await db.Database.SqlQueryRaw<string>(
            "SELECT data_type AS \"Value\" FROM information_schema.columns WHERE table_name = 'Outbox' AND column_name = 'LockedUntil'").SingleAsync(Cancel);
        Assert.Equal("timestamp with time zone", instantType);
    }

    [Fact]
    public async Task Migrating_an_up_to_date_database_again_changes_nothing()
    {
        await using (var first = ErdsDatabase.Open(StorageProviders.PostgreSql, _connectionString))
        {
            await first.Database.MigrateAsync(Cancel);
        }
        await using var second = ErdsDatabase.Open(StorageProviders.PostgreSql, _connectionString);
        await second.Database.MigrateAsync(Cancel);
        Assert.Equal(second.Database.GetMigrations(), await second.Database.GetAppliedMigrationsAsync(Cancel));
    }
}
