using System.Data.Common;
using Erds.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Erds.Cli.Commands;

// Operator commands work on the provider's database directly, as the provider's own operator would.
internal static class OperatorDatabase
{
    public static async Task<ErdsDbContext> OpenAsync(string dataDirectory, string provider, string? connectionString, CancellationToken cancellationToken)
    {
        var canonical = StorageProviders.Canonical(provider)
            ?? throw new CliError($"Unknown database provider '{provider}': use {string.Join(", ", StorageProviders.All)}.");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (StorageProviders.NeedsConnectionString(canonical)) throw new CliError($"{canonical} needs --connection, $ERDS_CONNECTION or $ConnectionStrings__Erds.");
            Directory.CreateDirectory(dataDirectory);
            connectionString = new StorageOptions { DataDirectory = dataDirectory }.SqliteConnectionString;
        }
        var db = ErdsDatabase.Open(canonical, connectionString);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            return db;
        }
        catch (DbException ex)
        {
            await db.DisposeAsync();
            throw new CliError($"Cannot open the {canonical} database: {ex.Message}");
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
