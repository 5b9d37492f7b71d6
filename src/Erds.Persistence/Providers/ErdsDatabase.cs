using Microsoft.EntityFrameworkCore;

namespace Erds.Persistence;

// Builds the provider's context outside dependency injection (the CLI, tests, design time) with the
// same provider and conventions as the hosts, without their outbox wake-up and log settings.
public static class ErdsDatabase
{
    public static ErdsDbContext Open(string provider, string connectionString) => StorageProviders.Canonical(provider) switch
    {
        StorageProviders.Sqlite => new SqliteErdsDbContext(Options<SqliteErdsDbContext>(StorageProviders.Sqlite, connectionString)),
        StorageProviders.PostgreSql => new PostgreSqlErdsDbContext(Options<PostgreSqlErdsDbContext>(StorageProviders.PostgreSql, connectionString)),
        StorageProviders.SqlServer => new SqlServerErdsDbContext(Options<SqlServerErdsDbContext>(StorageProviders.SqlServer, connectionString)),
        _ => throw UnknownProvider(provider),
    };

    // Every context, in the hosts and the CLI, refuses bulk changes of the access log (AppendOnlyQueryGuard).
    internal static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, string provider, string connectionString) =>
        (provider switch
        {
            StorageProviders.Sqlite => options.UseSqlite(connectionString),
            StorageProviders.PostgreSql => options.UseNpgsql(PostgreSqlConnectionDefaults.Apply(connectionString)),
            StorageProviders.SqlServer => options.UseSqlServer(connectionString),
            _ => throw UnknownProvider(provider),
        }).AddInterceptors(AccessLog.AppendOnlyQueryGuard.Instance);

    internal static DbContextOptions<TContext> Options<TContext>(string provider, string connectionString) where TContext : ErdsDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.UseProvider(provider, connectionString);
        return builder.Options;
    }

    private static ArgumentException UnknownProvider(string? provider) =>
        new($"Unknown storage provider '{provider}': use {string.Join(", ", StorageProviders.All)}.", nameof(provider));
}
