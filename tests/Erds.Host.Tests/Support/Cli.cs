namespace Erds.Host.Tests.Support;

// Runs the erds command line as the separate process an operator or auditor runs.
public static class Cli
{
    public static string Assembly
    {
        get
        {
            // Same configuration as this test assembly: .../bin/<Configuration>/net10.0/
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var path = Path.Combine(ExternalTool.RepositoryRoot(), "src", "Erds.Cli", "bin", configuration, "net10.0", "erds.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("The erds CLI is not built.", path);
        }
    }

    public static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) =>
        ExternalTool.RunFileAsync("dotnet", [Assembly, .. arguments]);

    // The token and ids go to stdout; what went wrong to stderr: the Output is stdout only when the run succeeded.
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Assembly, .. arguments]) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var (exit, stdout, stderr) = await ExternalTool.RunAsync(start);
        return (exit, exit == 0 ? stdout : stdout + stderr);
    }
}
