using Npgsql;

namespace Erds.Persistence;

// Connection-string defaults for PostgreSQL, applied only where the operator's string says nothing.
// Measured under load (docs/performance.md): without them every statement was parsed and planned
// anew, and every return of a pooled connection cost a round trip for DISCARD ALL, which together
// made up more than half of the statements the database ran.
internal static class PostgreSqlConnectionDefaults
{
    // The services run the same few dozen EF Core statements over and over: let Npgsql prepare them
    // on the server once per connection.
    private const int MaxAutoPrepare = 64;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare")) builder.MaxAutoPrepare = MaxAutoPrepare;
        // No session state is ever changed on our connections (no SET, temporary tables, LISTEN or
        // advisory locks), so there is nothing for DISCARD ALL to reset.
        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] keys) =>
        connectionString.Split(';').Select(pair => pair.Split('=', 2)[0].Trim())
            .Any(key => keys.Any(k => string.Equals(key, k, StringComparison.OrdinalIgnoreCase)));
}
