using Erds.Evidence.Signing;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Verification;
using Xunit;

namespace Erds.Evidence.Tests.Verification;

/// <summary>
/// Evidence re-sealed by someone who holds a key under the trusted root, but not the provider's seal key:
/// the issue's forged-seal cases.
/// </summary>
public sealed class ForgedSealTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public async Task Evidence_as_issued_is_valid()
    {
        var report = Verifier().Verify(await IssuedSample.IssueAsync(pki));

        Assert.True(report.IsValid, Failures(report));
    }

    [Fact]
    public async Task Evidence_resealed_with_the_timestamp_authority_certificate_and_back_dated_is_invalid()
    {
        var issued = await IssuedSample.IssueAsync(pki);
        using var tsaAsSeal = new X509SealSigner(pki.Material().TsaCertificate);
        var backDated = pki.Now.AddMinutes(-30);

        var forged = await IssuedSample.ResealAsync(pki, issued, tsaAsSeal, backDated,
            c => c with { EventTime = backDated.AddSeconds(-1), SubmissionTime = backDated.AddSeconds(-2) });

        Assert.False(Verifier().Verify(forged).IsValid);
    }

    [Fact]
    public async Task Evidence_resealed_with_the_timestamp_authority_certificate_named_as_issuer_is_invalid()
    {
        var issued = await IssuedSample.IssueAsync(pki);
        var tsa = pki.Material().TsaCertificate;
        using var tsaAsSeal = new X509SealSigner(tsa);

        var forged = await IssuedSample.ResealAsync(pki, issued, tsaAsSeal, pki.Now,
            c => c with { Issuer = c.Issuer with { SealCertificate = tsa.RawData } });

        Assert.False(Verifier().Verify(forged).IsValid);
    }

    [Fact]
    public async Task Evidence_resealed_with_another_seal_certificate_under_the_same_root_is_invalid()
    {
        var issued = await IssuedSample.IssueAsync(pki);
        using var other = pki.IssueEcdsa("Someone else's seal", pki.Now.AddDays(-1), pki.Now.AddYears(1), Erds.Evidence.Pki.CertificateIssuer.SealKeyUsage());
        using var otherSeal = new X509SealSigner(other);

        var forged = await IssuedSample.ResealAsync(pki, issued, otherSeal, pki.Now);

        Assert.False(Verifier().Verify(forged).IsValid);
    }

    private EvidenceVerifier Verifier() => new(pki.Anchors(), pki.Time);

    private static string Failures(VerificationReport report) =>
        string.Join(" | ", report.Failures.Select(f => $"{f.Check}: {f.Detail}"));
}
