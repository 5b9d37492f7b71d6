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
        Description = "Database: Sqlite, PostgreSql or SqlServer (default: $ERDS_STORAGE_PROVIDER, else the services' $Erds__Storage__Provider, else Sqlite).",
        DefaultValueFactory = _ => FromEnvironment("ERDS_STORAGE_PROVIDER", "Erds__Storage__Provider") ?? StorageProviders.Sqlite,
    };

    // The environment variable is the better place for a password: options show up in process lists.
    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Connection string (default: $ERDS_CONNECTION, else the services' $ConnectionStrings__Erds); required for PostgreSql and SqlServer. SQLite defaults to erds.db in the data directory.",
        DefaultValueFactory = _ => FromEnvironment("ERDS_CONNECTION", "ConnectionStrings__Erds"),
    };

    // An operator shell set up for the services (deploy/local's env.sh, a container) carries their
    // variables; the command line reads those too rather than silently opening another database.
    private static string? FromEnvironment(params string[] variables) =>
        variables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    public void AddTo(Command command)
    {
        command.Add(DataDirectory);
        command.Add(Provider);
        command.Add(Connection);
    }

    public Task<ErdsDbContext> OpenAsync(ParseResult parse, CancellationToken cancellationToken) =>
        OperatorDatabase.OpenAsync(parse.GetValue(DataDirectory)!, parse.GetValue(Provider)!, parse.GetValue(Connection), cancellationToken);
}
