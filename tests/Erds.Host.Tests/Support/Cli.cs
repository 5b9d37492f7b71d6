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
}
