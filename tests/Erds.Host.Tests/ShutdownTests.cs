using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// An orchestrator stops a process with SIGTERM and kills it 30 s later. A host whose evidence service
// is waiting out a long retry (its timestamp authority is away) must still stop in time, and lose
// nothing: after a restart the delivery event is issued.
public sealed class ShutdownTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sigterm_stops_the_host_within_30_seconds_with_retries_in_flight_and_the_event_is_issued_after_restart()
    {
        var root = Path.Combine(Path.GetTempPath(), "erds-shutdown-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        try
        {
            var unreachableTsa = new Dictionary<string, string>
            {
                // Refuses every connection: each attempt fails at once.
                ["Erds__Evidence__TimestampAuthorityUrl"] = $"http://127.0.0.1:{ClosedPort()}/tsa",
                ["Erds__Evidence__TimestampAuthorityRootsPath"] = SomeRoot(root),
                // One attempt, then a retry two minutes later: the process is stopped while it waits.
                ["Erds__Bus__ImmediateRetries"] = "0",
                ["Erds__Bus__RetryIntervals__0"] = "00:02:00",
            };
            Guid messageId;
            string token;
            await using (var first = await HostProcess.StartAsync(unreachableTsa, data))
            {
                (messageId, token) = await SubmitAsync(CliSession.For(first, root), root);
                await WaitUntilAsync(() => first.HasWritten("R-RETRY"), TimeSpan.FromSeconds(60), "the first attempt to fail", first);

                var stoppedIn = await first.TerminateAsync(TimeSpan.FromSeconds(90));

                Assert.True(stoppedIn is not null, "still running 90 s after SIGTERM:\n" + first.RecentOutput);
                Assert.True(stoppedIn < Limit, $"stopped {stoppedIn!.Value.TotalSeconds:F1} s after SIGTERM:\n{first.RecentOutput}");
                Assert.Equal(0, first.ExitCode);
            }

            // Restarted with its timestamp authority back: the reconciler announces the event again.
            await using var second = await HostProcess.StartAsync(dataDirectory: data);
            using var http = new HttpClient { BaseAddress = second.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var events = new List<string>();
            await WaitUntilAsync(async () =>
            {
                var list = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/messages/{messageId}/evidence")).RootElement;
                events = list.EnumerateArray().Select(e => e.GetProperty("event").GetString()!).ToList();
                return events.Contains("SubmissionAcceptance");
            }, TimeSpan.FromMinutes(5), "the SubmissionAcceptance evidence after the restart", second);
            Assert.Single(events, e => e == "SubmissionAcceptance");
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(Guid MessageId, string Token)> SubmitAsync(CliSession cli, string root)
    {
        await cli.RunOkAsync("org", "add", "--handle", "court", "--name", "Rechtbank");
        await cli.RunOkAsync("mailbox", "add", "--org", "court", "--address", "griffie@court.example", "--functional");
        await cli.RunOkAsync("org", "add", "--handle", "firm", "--name", "Advocatenkantoor");
        await cli.RunOkAsync("mailbox", "add", "--org", "firm", "--address", "kantoor@firm.example");
        var token = await cli.RunOkAsync("token", "issue", "--org", "court");
        var body = Path.Combine(root, "brief.txt");
        await File.WriteAllTextAsync(body, "Geachte heer, mevrouw,\n");
        var id = await cli.RunOkAsync("submit", "--token", token, "--from", "griffie@court.example", "--to", "kantoor@firm.example", "--body", body);
        return (Guid.Parse(id.Split('\n')[0].Trim()), token);
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, HostProcess host) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what, host);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, HostProcess host)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"waited {timeout.TotalSeconds:F0} s for {what}:\n{host.RecentOutput}");
            await Task.Delay(500);
        }
    }

    // A root the external timestamp authority would have to chain to; it never answers anyway.
    internal static string SomeRoot(string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=Unreachable TSA root", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(directory, "tsa-root.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    internal static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
