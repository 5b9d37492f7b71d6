using System.CommandLine;
using Erds.Persistence;

namespace Erds.Cli.Commands;

// Where an operator command finds the provider's database: the choice the services make from
// Erds:Storage:Provider and ConnectionStrings:Erds, given here as options or environment variables.
internal sealed class DatabaseOptions
{
    public Option<string> DataDirectory { get; } = CommonOptions.DataDirectory();

    public Option<string> Provider { get; } = new("--provider")
    {
        Description = "Database: Sqlite, PostgreSql or SqlServer (default: $ERDS_STORAGE_PROVIDER or Sqlite).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ERDS_STORAGE_PROVIDER") is { Length: > 0 } p ? p : StorageProviders.Sqlite,
    };

    // The environment variable is the better place for a password: options show up in process lists.
    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Connection string (default: $ERDS_CONNECTION); required for PostgreSql and SqlServer. SQLite defaults to erds.db in the data directory.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ERDS_CONNECTION") is { Length: > 0 } c ? c : null,
    };

    public void AddTo(Command command)
    {
        command.Add(DataDirectory);
        command.Add(Provider);
        command.Add(Connection);
    }

    public Task<ErdsDbContext> OpenAsync(ParseResult parse, CancellationToken cancellationToken) =>
        OperatorDatabase.OpenAsync(parse.GetValue(DataDirectory)!, parse.GetValue(Provider)!, parse.GetValue(Connection), cancellationToken);
}
