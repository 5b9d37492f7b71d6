using Npgsql;

namespace Erds.IntegrationTests.PostgreSql;

// The PostgreSQL server the tests use, named by an admin connection string in ERDS_TEST_POSTGRES.
// Each test class gets a database of its own with a random name and drops it afterwards. Without
// the variable every PostgreSQL test fails with this explanation; none is skipped.
public static class PostgresServer
{
    public const string Variable = "ERDS_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. The PostgreSQL tests need an admin connection string, e.g. " +
                $"'Host=127.0.0.1;Port=55432;Username=erds;Database=postgres'. Start a throwaway server with " +
                $"scripts/lib/postgres.sh (pg_start <dir> <port>), see tests/Erds.IntegrationTests/README.md.");

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "erds_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        // Pooled connections of the tests still hold the database open.
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
