using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests.Security;

// The seeded part of `erds fuzz submit` that CI runs every time: 40 inputs of every kind of hostile or
// mutated submission against the provider as a real process (Kestrel, its own data directory), then
// `erds fuzz check` on what they left behind. Any 5xx, any request without an answer within 30 s, any
// connection dropped without an answer, or any inconsistency in the database or content storage fails
// it. Both tables go to the test output and, when ERDS_TEST_REPORT_DIR is set, to submission-fuzz.txt
// there (scripts/test.sh prints it). Times are printed, not asserted.
public sealed class SubmissionFuzzTests
{
    private const int PerKind = 40;
    private const int Kinds = 31; // SubmissionInputs.Kinds.Count: input I is of kind I modulo 31
    private const string Court = ProcessParties.Court;
    private const string Firm = ProcessParties.Firm;
    private const string Lawyer = "mr.jansen@devries-advocaten.example";

    [Fact]
    public async Task Seeded_hostile_submissions_get_no_5xx_no_hang_and_leave_the_database_consistent()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ERDS_FUZZ_SEED"), out var chosen) ? chosen : 20261203;
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            // Small enough that the over-limit inputs are cheap; the fuzz is told the same limit.
            ["Erds__Submission__MaxMessageBytes"] = "1048576",
            // Rate limits and quotas would answer most of the run with 429 (0 turns them off).
            ["Erds__Limits__PerCredentialRequestsPerSecond"] = "0",
            ["Erds__Limits__MessagesPerDay"] = "0",
        });
        var token = (await ProcessParties.SeedAsync(host, Lawyer)).CourtToken;

        var (fuzzExit, fuzzOutput) = await Cli.RunAsync("fuzz", "submit", "--url", host.BaseAddress.ToString(), "--token", token,
            "--from", Court, "--to", $"{Firm},{Lawyer}", "--count", (PerKind * Kinds).ToString(), "--seed", seed.ToString(),
            "--concurrency", "4", "--timeout", "30s", "--size-limit", "1MiB");
        var (checkExit, checkOutput) = await Cli.RunAsync("fuzz", "check", "--data-dir", host.DataDirectory, "--wait-seconds", "120");

        var report = $"submission fuzz (seed {seed}, {PerKind * Kinds} inputs; times are this machine's, not asserted):\n{fuzzOutput}\n{checkOutput}";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        if (Environment.GetEnvironmentVariable("ERDS_TEST_REPORT_DIR") is { Length: > 0 } reports)
            await File.WriteAllTextAsync(Path.Combine(reports, "submission-fuzz.txt"), report, TestContext.Current.CancellationToken);

        Assert.True(fuzzExit == 0, report + "\nthe provider's last lines:\n" + host.RecentOutput);
        Assert.Contains($"total: {PerKind * Kinds} inputs", fuzzOutput);
        Assert.Contains("0 5xx, 0 hangs, 0 dropped without an answer", fuzzOutput);
        Assert.DoesNotContain("the generator could not make", fuzzOutput);
        Assert.DoesNotContain("this side could not send", fuzzOutput);
        Assert.True(checkExit == 0, report);
        Assert.Contains("; consistent", checkOutput);
        Assert.False(host.HasExited, "the provider exited during the fuzz:\n" + host.RecentOutput);
    }
}
