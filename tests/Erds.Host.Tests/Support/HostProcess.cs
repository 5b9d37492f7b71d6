using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Erds.Host.Tests.Support;

// The provider as the separate process an operator starts: the built Erds.Host on a free port, with a
// fresh data directory of its own that goes away with it.
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, string dataDirectory, int port)
    {
        _process = process;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<HostProcess> StartAsync()
    {
        var root = ExternalTool.RepositoryRoot();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "erds-host-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
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
        var host = new HostProcess(Process.Start(start)!, dataDirectory, port);
        host._process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, "the provider exited during start-up:\n" + string.Join("\n", _output));
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        Assert.Fail("the provider did not become ready within 60 s");
    }

    // Only the last lines matter when start-up fails; the host logs a lot while it runs.
    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 50) _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
