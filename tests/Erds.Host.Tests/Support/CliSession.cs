using System.Diagnostics;
using Xunit;

namespace Erds.Host.Tests.Support;

// The erds command line as one person runs it: ERDS_SERVER (and for operator commands ERDS_DATA_DIR)
// name the provider, as in the getting-started guide, and it runs in a directory of its own so a test
// sees everything it writes there.
public sealed class CliSession(Uri server, string workingDirectory, string? dataDirectory = null)
{
    public static CliSession For(HostProcess host, string workingDirectory) => new(host.BaseAddress, workingDirectory, host.DataDirectory);

    public string WorkingDirectory => workingDirectory;

    public async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Cli.Assembly, .. arguments]) { WorkingDirectory = workingDirectory };
        start.Environment["ERDS_SERVER"] = server.ToString();
        if (dataDirectory is not null) start.Environment["ERDS_DATA_DIR"] = dataDirectory;
        return await ExternalTool.RunAsync(start);
    }

    // Runs a command that must succeed and returns what it printed on stdout, trimmed.
    public async Task<string> RunOkAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunAsync(arguments);
        Assert.True(exitCode == 0, $"erds {string.Join(' ', arguments)} failed ({exitCode}):\n{stdout}{stderr}");
        return stdout.Trim();
    }
}
