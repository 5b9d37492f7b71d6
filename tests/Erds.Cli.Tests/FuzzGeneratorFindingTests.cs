using Erds.Cli.Fuzz;
using Xunit;

namespace Erds.Cli.Tests;

// Inputs on which the fuzz generator itself once failed, stopping a long run of `erds fuzz verify`: each
// must be made and run like any other.
public sealed class FuzzGeneratorFindingTests
{
    [Theory]
    // A wrapping variant removed the signature from a copy of the document element after an earlier
    // variant had moved it elsewhere (NullReferenceException at 13,764 of 60,000).
    [InlineData(20261204, 13764)]
    public async Task An_input_the_generator_once_failed_on_is_made_and_verified(int seed, int index)
    {
        var settings = new VerifierFuzzRun.Settings(seed, Start: index, Count: 1, MaxTime: TimeSpan.FromSeconds(1), MaxAllocatedBytes: 64L * 1024 * 1024);

        var summary = await VerifierFuzzRun.RunAsync(settings);

        Assert.Equal(1, summary.Inputs);
        Assert.Equal(0, summary.Crashes);
        Assert.Empty(summary.GeneratorFailures);
    }
}
