using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// docs/getting-started.md, run verbatim: the provider as a real process, then every ```bash block of
// the document in one bash session, as a newcomer would type them.
public sealed class GettingStartedTests
{
    [Fact]
    public async Task The_getting_started_guide_works_verbatim()
    {
        var root = ExternalTool.RepositoryRoot();
        var guide = await File.ReadAllTextAsync(Path.Combine(root, "docs", "getting-started.md"));
        var blocks = Regex.Matches(guide, "```bash\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 6, "the guide has its bash blocks");
        Assert.Contains("dotnet run --project src/Erds.Host", guide);

        var dataDirectory = Path.Combine(Path.GetTempPath(), "erds-guide-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        using var host = StartHost(root, dataDirectory, port);
        try
        {
            await WaitUntilReadyAsync(port, host);
            var script = "set -euo pipefail\n" + string.Join("\n", blocks);
            var (exit, output) = await RunBashAsync(root, script, dataDirectory, port);
            Assert.True(exit == 0, "the guide failed:\n" + output);

            Assert.Equal(4, Regex.Matches(output, "^VALID: ", RegexOptions.Multiline).Count);
            Assert.Contains("ok   ContentDigest: dagvaarding.pdf is part 'attachment-1'", output);
            Assert.Contains("ContentHandover", output);
            Assert.DoesNotContain("INVALID", output);
            Assert.Single(Directory.GetFiles(Path.Combine(dataDirectory, "mail-pickup"), "*.eml"));
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private static Process StartHost(string root, string dataDirectory, int port)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var hostDll = Path.Combine(root, "src", "Erds.Host", "bin", configuration, "net10.0", "Erds.Host.dll");
        var start = new ProcessStartInfo("dotnet", [hostDll])
        {
            WorkingDirectory = Path.Combine(root, "src", "Erds.Host"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ERDS_DATA_DIR"] = dataDirectory;
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReadyAsync(int port, Process host)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(host.HasExited, "the provider exited during start-up");
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        Assert.Fail("the provider did not become ready within 60 s");
    }

    private static async Task<(int ExitCode, string Output)> RunBashAsync(string root, string script, string dataDirectory, int port)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ERDS_DATA_DIR"] = dataDirectory;
        start.Environment["ERDS_SERVER"] = $"http://127.0.0.1:{port}";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
