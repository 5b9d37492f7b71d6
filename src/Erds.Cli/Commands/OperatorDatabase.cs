using Erds.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Erds.Cli.Commands;

// Operator commands work on the provider's database directly, as the provider's own operator would.
internal static class OperatorDatabase
{
    public static async Task<ErdsDbContext> OpenAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var storage = new StorageOptions { DataDirectory = dataDirectory };
        var db = new ErdsDbContext(new DbContextOptionsBuilder<ErdsDbContext>().UseSqlite(storage.SqliteConnectionString).Options);
        await db.Database.MigrateAsync(cancellationToken);
        return db;
    }
}
