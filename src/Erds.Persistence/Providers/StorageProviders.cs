namespace Erds.Persistence;

// The database products ErdsService runs on: one model, one set of migrations per provider.
public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
    public const string SqlServer = "SqlServer";

    public static readonly IReadOnlyList<string> All = [Sqlite, PostgreSql, SqlServer];

    // Configuration may spell it "postgresql"; code compares only the canonical name.
    public static string? Canonical(string? name) =>
        All.FirstOrDefault(p => string.Equals(p, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool NeedsConnectionString(string provider) => provider is PostgreSql or SqlServer;
}
