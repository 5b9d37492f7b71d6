using Erds.Cli.Fuzz;
using Xunit;

namespace Erds.Cli.Tests;

// The seeded part of `erds fuzz verify` that CI runs every time: a hundred inputs of every hostile kind
// through the verifier and the evidence reader. No input may crash them, have forged content reported
// VALID, or allocate more than 64 MiB; times are printed, not asserted. The run's table goes to the
// test output and, when ERDS_TEST_REPORT_DIR is set, to verifier-fuzz.txt there (scripts/test.sh prints it).
public sealed class VerifierFuzzTests
{
    private const int PerKind = 100;

    [Fact]
    public async Task Seeded_hostile_inputs_get_a_verdict_without_crash_forgery_or_more_than_64_MiB_each()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ERDS_FUZZ_SEED"), out var chosen) ? chosen : 20261202;
        var settings = new VerifierFuzzRun.Settings(seed, Start: 0, Count: PerKind * HostileInputs.Kinds.Count,
            MaxTime: TimeSpan.FromSeconds(1), MaxAllocatedBytes: 64L * 1024 * 1024);

        var summary = await VerifierFuzzRun.RunAsync(settings);

        var report = new StringWriter();
        report.WriteLine($"verifier fuzz (seed {seed}, {settings.Count} inputs; times are this machine's, not asserted):");
        summary.Print(report);
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        if (Environment.GetEnvironmentVariable("ERDS_TEST_REPORT_DIR") is { Length: > 0 } reports)
            await File.WriteAllTextAsync(Path.Combine(reports, "verifier-fuzz.txt"), report.ToString(), TestContext.Current.CancellationToken);

        Assert.Equal(settings.Count, summary.Inputs);
        Assert.True(summary.Crashes == 0, report.ToString());
        Assert.True(summary.Fooled == 0, report.ToString());
        Assert.True(summary.TooHungry == 0, report.ToString());
        Assert.True(summary.GeneratorFailures.Count == 0, report.ToString());
        Assert.Equal(PerKind, summary.ValidOf("genuine"));
    }
}
