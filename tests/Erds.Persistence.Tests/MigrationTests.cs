using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace Erds.Persistence.Tests;

// Migrations are generated per provider and committed. These checks need no server: a provider's
// context is built with a connection string that is never opened.
public sealed class MigrationTests
{
    private const string SqlServerDummy = "Server=sqlserver.invalid;Database=erds;User Id=erds;Password=unused;TrustServerCertificate=true";

    public static TheoryData<string, string> Providers => new()
    {
        { StorageProviders.Sqlite, "Data Source=:memory:" },
        { StorageProviders.PostgreSql, "Host=postgres.invalid;Database=erds" },
        { StorageProviders.SqlServer, SqlServerDummy },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_has_migrations_of_its_own_from_Initial_on_that_match_the_model(string provider, string connectionString)
    {
        using var db = ErdsDatabase.Open(provider, connectionString);
        var migrations = db.GetService<IMigrationsAssembly>();
        Assert.EndsWith("_Initial", migrations.Migrations.Keys.Min(StringComparer.Ordinal));
        Assert.All(migrations.Migrations.Values, migration =>
            Assert.Equal(db.Database.ProviderName, migrations.CreateMigration(migration, db.Database.ProviderName!).ActiveProvider));
        // A model change without a new migration (or a hand edit) shows up here.
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations do not match the model: regenerate them (docs/architecture.md, Databases).");
    }

    [Fact]
    public void SqlServer_migration_script_creates_every_table_and_the_unique_keys()
    {
        using var db = ErdsDatabase.Open(StorageProviders.SqlServer, SqlServerDummy);
        var script = db.GetService<IMigrator>().GenerateScript();

        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().ToList();
        Assert.True(tables.Count >= 12, string.Join(", ", tables));
        Assert.All(tables, table => Assert.Contains($"CREATE TABLE [{table}] (", script));
        // No event proven twice, no submission accepted twice, no bus message consumed twice.
        Assert.Contains("CREATE UNIQUE INDEX [IX_Evidence_DeliveryEventId] ON [Evidence] ([DeliveryEventId]);", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Evidence_MessageId_RecipientIndex_EventName] ON [Evidence] ([MessageId], [RecipientIndex], [EventName]);", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_DeliveryEvents_MessageId_RecipientIndex_EventName] ON [DeliveryEvents] ([MessageId], [RecipientIndex], [EventName]);", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_IdempotencyRecords_OrganisationId_Key] ON [IdempotencyRecords] ([OrganisationId], [Key]);", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Outbox_MessageId] ON [Outbox] ([MessageId]);", script);
        Assert.Contains("CONSTRAINT [PK_InboxMessages] PRIMARY KEY ([MessageId], [Consumer])", script);
        // The cleanup deletes sent outbox rows and inbox receipts by age.
        Assert.Contains("CREATE INDEX [IX_Outbox_SentAt] ON [Outbox] ([SentAt]);", script);
        Assert.Contains("CREATE INDEX [IX_InboxMessages_ConsumedAt] ON [InboxMessages] ([ConsumedAt]);", script);
        Assert.Contains("[LockedUntil] datetimeoffset NULL", script);
        Assert.Contains("[Xml] varbinary(max) NOT NULL", script);
    }
}
