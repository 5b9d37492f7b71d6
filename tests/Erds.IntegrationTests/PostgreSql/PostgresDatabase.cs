using Erds.Persistence;
using Erds.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

// A migrated database of its own for one test class.
public sealed class PostgresDatabase : ITestDatabase, IAsyncLifetime
{
    public string Provider => StorageProviders.PostgreSql;

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync();
        await using var db = ((ITestDatabase)this).Open();
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (ConnectionString.Length > 0) await PostgresServer.DropDatabaseAsync(ConnectionString);
    }
}
