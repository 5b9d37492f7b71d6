using System.Text.Json;
using System.Text.RegularExpressions;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// erds bench against the provider as a real process. Counts and report lines only: timings belong in
// docs/performance.md, never in assertions.
public sealed class BenchCommandTests
{
    private const string Court = ProcessParties.Court;
    private const string Firm = ProcessParties.Firm;

    [Fact]
    public async Task Bench_takes_every_message_to_a_complete_evidence_chain_and_reports_it()
    {
        await using var host = await HostProcess.StartAsync();
        var (courtToken, firmToken) = await ProcessParties.SeedAsync(host);
        var json = Path.Combine(host.DataDirectory, "bench.json");

        var (exit, output) = await Cli.RunAsync("bench", "--server", host.BaseAddress.ToString(),
            "--token", courtToken, "--recipient-token", firmToken, "--from", Court, "--to", Firm,
            "--messages", "6", "--concurrency", "3", "--size", "4KiB", "--attachments", "2",
            "--pids", host.ProcessId.ToString(), "--json", json, "--warmup", "2");

        Assert.True(exit == 0, output);
        // The warm-up's two messages go through first and are left out of every figure below.
        Assert.Matches(@"warm-up: 2 messages in [\d.]+ s, 0 without a complete chain; not counted", output);
        Assert.Contains("messages:   6 accepted, 6 with complete chains, 0 errors", output);
        Assert.Contains("errors:     none", output);
        Assert.Matches(@"throughput: \d+\.\d messages/s with complete chains, \d+\.\d evidences/s", output);
        foreach (var latency in new[] { "submit->202", "submit->SubmissionAcceptance", "submit->ContentHandover" })
        {
            Assert.Matches(new Regex($@"^  {latency}\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+6$", RegexOptions.Multiline), output);
        }
        Assert.Matches($@"memory pid {host.ProcessId}: peak growth -?[\d.]+ MiB \(RSS before [\d.]+ MiB", output);

        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = result.RootElement;
        Assert.Equal(6, root.GetProperty("complete").GetInt32());
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        // SubmissionAcceptance, ContentConsignment, ConsignmentNotification and ContentHandover per message.
        Assert.Equal(24, root.GetProperty("evidences").GetInt32());
        Assert.Equal(6, root.GetProperty("latencyMs").GetProperty("submit->ContentHandover").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Bench_counts_failed_messages_by_kind_and_exits_with_an_error()
    {
        await using var host = await HostProcess.StartAsync();
        var (courtToken, firmToken) = await ProcessParties.SeedAsync(host);

        var (exit, output) = await Cli.RunAsync("bench", "--server", host.BaseAddress.ToString(),
            "--token", courtToken, "--recipient-token", firmToken, "--from", "not-ours@rechtbank.example", "--to", Firm,
            "--messages", "3", "--concurrency", "2", "--size", "1KiB", "--attachments", "1");

        Assert.Equal(1, exit);
        Assert.Contains("messages:   0 accepted, 0 with complete chains, 3 errors", output);
        Assert.Matches(@"\n\s+3  submit: HTTP 4\d\d", output);
        Assert.Contains("error: 3 of 3 messages did not complete their evidence chain.", output);
    }
}
