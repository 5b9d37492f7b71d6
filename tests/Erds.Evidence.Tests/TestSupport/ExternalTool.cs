using System.Diagnostics;
using Xunit;

namespace Erds.Evidence.Tests.TestSupport;

/// <summary>Runs xmlsec1 or openssl from PATH; a missing tool fails the test, it never skips it.</summary>
internal static class ExternalTool
{
    public static string Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(directory, name);
            if (File.Exists(candidate))
                return candidate;
        }
        Assert.Fail($"'{name}' is not on PATH. Install it: apt-get install xmlsec1 openssl");
        return name;
    }

    public static (int ExitCode, string Output) Run(string name, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(name)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            Assert.Fail($"{name} did not finish within 60 s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
