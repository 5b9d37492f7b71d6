using System.Diagnostics;
using Xunit;

namespace Erds.Host.Tests.Support;

// Runs an independent tool. A missing tool fails the test with how to install it: these checks are
// the point of the suite and never skip.
public static class ExternalTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, string package, params string[] arguments)
    {
        var path = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"'{tool}' is not installed: apt-get install {package} (scripts/test.sh does this).");
        return await RunFileAsync(path!, arguments);
    }

    public static async Task<(int ExitCode, string Output)> RunFileAsync(string file, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunAsync(new ProcessStartInfo(file, arguments));
        return (exitCode, stdout + stderr);
    }

    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ErdsService.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (ErdsService.sln).");
    }
}
