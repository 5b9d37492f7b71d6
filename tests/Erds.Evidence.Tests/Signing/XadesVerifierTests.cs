using Erds.Evidence.Signing;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Verification;
using Xunit;

namespace Erds.Evidence.Tests.Signing;

public sealed class XadesVerifierTests(TestPki pki) : IClassFixture<TestPki>
{
    [Theory]
    [InlineData(SealKeyType.EcdsaP256)]
    [InlineData(SealKeyType.Rsa3072)]
    public async Task Signed_document_passes_every_check(SealKeyType keyType)
    {
        var signed = await SignedSample.CreateAsync(pki, keyType);

        var result = new XadesVerifier(pki.Anchors(keyType), pki.Time).Verify(signed);

        Assert.True(result.IsValid, string.Join(" | ", result.Failures.Select(f => $"{f.Check}: {f.Detail}")));
        Assert.Equal(
            [VerificationCheck.SignatureStructure, VerificationCheck.Signature, VerificationCheck.SigningCertificate, VerificationCheck.SealCertificateUsage,
             VerificationCheck.CertificateChain, VerificationCheck.Timestamp, VerificationCheck.TimeSanity,
             VerificationCheck.Revocation, VerificationCheck.Revocation],
            result.Checks.Select(c => c.Check));
    }

    [Fact]
    public async Task Signing_time_and_timestamp_time_are_reported()
    {
        var signed = await SignedSample.CreateAsync(pki, signingTime: pki.Now.AddSeconds(-30));

        var result = new XadesVerifier(pki.Anchors(), pki.Time).Verify(signed);

        Assert.Equal(pki.Now.AddSeconds(-30), result.SigningTime);
        Assert.Equal(pki.Now, result.TimestampTime);
    }

    [Fact]
    public async Task Timestamp_long_after_the_signing_time_fails_time_sanity()
    {
        var signed = await SignedSample.CreateAsync(pki, signingTime: pki.Now.AddMinutes(-6));

        var result = new XadesVerifier(pki.Anchors(), pki.Time).Verify(signed);

        Assert.Contains("more than", VerificationAssert.FailedExactly(result, VerificationCheck.TimeSanity));
    }

    [Fact]
    public async Task Signing_time_after_the_timestamp_fails_time_sanity()
    {
        var signed = await SignedSample.CreateAsync(pki, signingTime: pki.Now.AddMinutes(3));

        var result = new XadesVerifier(pki.Anchors(), new FixedTimeProvider(pki.Now.AddHours(1))).Verify(signed);

        Assert.Contains("after the timestamp", VerificationAssert.FailedExactly(result, VerificationCheck.TimeSanity));
    }

    [Fact]
    public async Task Timestamp_in_the_future_of_the_verifier_fails_time_sanity()
    {
        var signed = await SignedSample.CreateAsync(pki);

        var result = new XadesVerifier(pki.Anchors(), new FixedTimeProvider(pki.Now.AddMinutes(-10))).Verify(signed);

        Assert.Contains("future", VerificationAssert.FailedExactly(result, VerificationCheck.TimeSanity));
    }

    [Fact]
    public async Task Verification_is_repeatable_on_the_same_document()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var verifier = new XadesVerifier(pki.Anchors(), pki.Time);

        Assert.True(verifier.Verify(signed).IsValid);
        Assert.True(verifier.Verify(signed).IsValid);
    }

    [Fact]
    public async Task Document_loaded_without_preserving_whitespace_is_reported_as_such()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var stripped = new System.Xml.XmlDocument { PreserveWhitespace = false };
        stripped.LoadXml(signed.OuterXml);

        var result = new XadesVerifier(pki.Anchors(), pki.Time).Verify(stripped);

        Assert.Contains("PreserveWhitespace", VerificationAssert.FailedExactly(result, VerificationAssert.StructureAndEverythingAfter));
    }
}
