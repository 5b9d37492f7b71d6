using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Verification;
using Xunit;

namespace Erds.Evidence.Tests.Verification;

/// <summary>The stream entry servers use for evidence from peers: bounded reading, the same verdicts as for bytes.</summary>
public sealed class VerifierInputTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public async Task Evidence_from_a_stream_verifies_as_from_bytes()
    {
        using var stream = new MemoryStream(await IssuedSample.IssueAsync(pki));

        Assert.True(new EvidenceVerifier(pki.Anchors(), pki.Time).Verify(stream).IsValid);
    }

    [Fact]
    public void A_stream_that_never_ends_gets_a_verdict_after_reading_one_byte_over_the_limit()
    {
        using var endless = new EndlessStream((byte)'<');
        var verifier = new EvidenceVerifier(pki.Anchors(), pki.Time);

        var report = verifier.Verify(endless);

        Assert.Contains("more than the allowed", VerificationAssert.FailedExactly(report, VerificationCheck.WellFormed));
        Assert.Equal(verifier.Limits.MaxBytes + 1, endless.BytesRead);
    }
}
