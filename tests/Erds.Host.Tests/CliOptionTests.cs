using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

public sealed class CliOptionTests
{
    [Fact]
    public async Task A_server_given_on_the_command_line_is_used()
    {
        var (exit, output) = await Cli.RunAsync("status", Guid.NewGuid().ToString(), "--server", "http://127.0.0.1:9", "--token", "erds_x");
        Assert.Equal(1, exit);
        Assert.Contains("Cannot reach the provider at http://127.0.0.1:9/", output);
    }

    [Fact]
    public async Task A_server_that_is_not_a_url_is_refused_naming_the_option()
    {
        var (exit, output) = await Cli.RunAsync("status", Guid.NewGuid().ToString(), "--server", "nope", "--token", "x");
        Assert.NotEqual(0, exit);
        Assert.Contains("--server: 'nope' is not an absolute http or https URL.", output);
    }

    [Fact]
    public async Task Operator_commands_follow_the_services_storage_variables()
    {
        var environment = new Dictionary<string, string>
        {
            ["ERDS_DATA_DIR"] = Path.Combine(Path.GetTempPath(), "erds-cli-" + Guid.NewGuid().ToString("N")),
            ["Erds__Storage__Provider"] = "Oracle",
        };
        var (exit, output) = await Cli.RunAsync(environment, "org", "list");
        Assert.NotEqual(0, exit);
        Assert.Contains("Oracle", output);
    }
}
