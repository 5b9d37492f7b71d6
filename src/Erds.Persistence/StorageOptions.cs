namespace Erds.Persistence;

public sealed class StorageOptions
{
    public const string Section = "Erds:Storage";

    // Where the embedded provider keeps its database, content, keys and mail pickup folder.
    // Defaults to the user's data directory so that the host and the CLI find the same place.
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    // "Sqlite" (embedded default), "PostgreSql" or "SqlServer"; the latter two need ConnectionStrings:Erds.
    public string Provider { get; set; } = StorageProviders.Sqlite;

    // Content master key file; created with owner-only permissions when missing.
    public string? ContentMasterKeyPath { get; set; }

    public string ContentDirectory => Path.Combine(DataDirectory, "content");

    public string MasterKeyPath => ContentMasterKeyPath ?? Path.Combine(DataDirectory, "keys", "content-master.key");

    public string SqliteConnectionString => $"Data Source={Path.Combine(DataDirectory, "erds.db")};Default Timeout=30";

    public static string DefaultDataDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ERDS_DATA_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return Path.Combine(root, "erds");
    }
}
