using Erds.Persistence.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Persistence.Tests.Sqlite;

// A database file of its own in a temporary directory, as the embedded provider keeps it.
public sealed class SqliteDatabase : ITestDatabase, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "erds-sqlite-" + Guid.NewGuid().ToString("N"));

    public string Provider => StorageProviders.Sqlite;

    public string ConnectionString => new StorageOptions { DataDirectory = _directory }.SqliteConnectionString;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await using var db = ((ITestDatabase)this).Open();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
