using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// The database is chosen by configuration; a choice that cannot work stops the start (or the
// operator command) with what is missing, before anything is written.
public sealed class StorageConfigurationTests
{
    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("SqlServer")]
    public async Task A_server_database_without_a_connection_string_stops_the_host_saying_what_is_missing(string provider)
    {
        await using var host = new TestProvider { Settings = new Dictionary<string, string> { ["Erds:Storage:Provider"] = provider } };
        var error = Assert.ThrowsAny<Exception>(() => host.Server);
        Assert.Contains("ConnectionStrings:Erds is required when Erds:Storage:Provider is PostgreSql or SqlServer.", error.ToString());
    }

    [Fact]
    public async Task An_unknown_database_stops_the_host_naming_the_choices()
    {
        await using var host = new TestProvider { Settings = new Dictionary<string, string> { ["Erds:Storage:Provider"] = "Oracle" } };
        var error = Assert.ThrowsAny<Exception>(() => host.Server);
        Assert.Contains("Erds:Storage:Provider must be one of Sqlite, PostgreSql, SqlServer.", error.ToString());
        Assert.False(File.Exists(Path.Combine(host.DataDirectory, "erds.db")));
    }

    [Fact]
    public async Task An_operator_command_on_PostgreSql_without_a_connection_string_says_what_is_missing()
    {
        var (exitCode, output) = await Cli.RunAsync("org", "list", "--provider", "PostgreSql", "--connection", "");
        Assert.Equal(1, exitCode);
        Assert.Contains("PostgreSql needs --connection, $ERDS_CONNECTION or $ConnectionStrings__Erds.", output);
    }

    [Fact]
    public async Task An_operator_command_on_an_unknown_database_names_the_choices()
    {
        var (exitCode, output) = await Cli.RunAsync("org", "list", "--provider", "Oracle");
        Assert.Equal(1, exitCode);
        Assert.Contains("Unknown database provider 'Oracle': use Sqlite, PostgreSql, SqlServer.", output);
    }
}
