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
    private readonly ConcurrentQueue<string> _everything = new();

    private readonly bool _ownsDataDirectory;

    private HostProcess(Process process, string dataDirectory, int port, Uri metricsAddress, bool ownsDataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        MetricsAddress = metricsAddress;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    // The separate listener of /metrics (Erds:Metrics:Url), on a free port of its own.
    public Uri MetricsAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    // The last lines the process wrote, for failure messages.
    public string RecentOutput => string.Join("\n", _output);

    // environment: extra settings (roles, transport, database); dataDirectory: shared with other
    // processes of a deployment, which then owns it.
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null, string? dataDirectory = null)
    {
        var root = ExternalTool.RepositoryRoot();
        var ownsDataDirectory = dataDirectory is null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "erds-host-" + Guid.NewGuid().ToString("N"));
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
        start.Environment["Erds__Metrics__Url"] = $"http://127.0.0.1:{FreePort()}";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var host = new HostProcess(Process.Start(start)!, dataDirectory, port, new Uri(start.Environment["Erds__Metrics__Url"]!), ownsDataDirectory);
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

    // SIGTERM, as an orchestrator stops a process: returns how long the process took to exit, or null
    // when it was still running after the timeout (it is then killed).
    public async Task<TimeSpan?> TerminateAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        if (_process.HasExited) return TimeSpan.Zero;
        if (sys_kill(_process.Id, SIGTERM) != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} failed");
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return Stopwatch.GetElapsedTime(started);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return null;
        }
    }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    private const int SIGTERM = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int sys_kill(int pid, int signal);

    // kill -9: no shutdown hooks, no flushing, exactly like a crash.
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (_ownsDataDirectory)
        {
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
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
    // Whether the process ever wrote a line containing the text: a marker can scroll out of the recent
    // lines behind a long stack trace between two looks.
    public bool HasWritten(string text) => _everything.Any(l => l.Contains(text, StringComparison.Ordinal));

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 50) _output.TryDequeue(out _);
        _everything.Enqueue(line);
        while (_everything.Count > 20_000) _everything.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
