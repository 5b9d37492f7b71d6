using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Pki;
using Erds.Evidence.Signing;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Verification;
using Xunit;

namespace Erds.Evidence.Tests.Verification;

/// <summary>
/// Evidence re-sealed by someone who holds a key under the trusted root, but not the provider's seal key:
/// the issue's forged-seal cases. The timestamp authority shares the seal's root, as in the development PKI.
/// </summary>
public sealed class ForgedSealTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public async Task Evidence_as_issued_is_valid_and_names_its_seal()
    {
        var report = Verifier().Verify(await IssuedSample.IssueAsync(pki));

        Assert.True(report.IsValid, Failures(report));
        var identity = Assert.Single(report.Checks, c => c.Check == VerificationCheck.SealIdentity);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(pki.Material().Seal.Certificate.RawData)), identity.Detail);
    }

    [Fact]
    public async Task Evidence_resealed_with_the_timestamp_authority_certificate_and_back_dated_is_invalid()
    {
        var issued = await IssuedSample.IssueAsync(pki);
        using var tsaAsSeal = new X509SealSigner(pki.Material().TsaCertificate);
        var backDated = pki.Now.AddMinutes(-30);

        var forged = await IssuedSample.ResealAsync(pki, issued, tsaAsSeal, backDated,
            c => c with { EventTime = backDated.AddSeconds(-1), SubmissionTime = backDated.AddSeconds(-2) });

        var detail = VerificationAssert.FailedExactly(Verifier().Verify(forged), VerificationCheck.SealIdentity, VerificationCheck.SealCertificateUsage);
        Assert.Contains("EvidenceIssuerDetails names", detail);
    }

    [Fact]
    public async Task Evidence_resealed_with_the_timestamp_authority_certificate_named_as_issuer_is_invalid()
    {
        var issued = await IssuedSample.IssueAsync(pki);
        var tsa = pki.Material().TsaCertificate;
        using var tsaAsSeal = new X509SealSigner(tsa);

        var forged = await IssuedSample.ResealAsync(pki, issued, tsaAsSeal, pki.Now,
            c => c with { Issuer = c.Issuer with { SealCertificate = tsa.RawData } });

        var detail = VerificationAssert.FailedExactly(Verifier().Verify(forged), VerificationCheck.SealCertificateUsage);
        Assert.Contains("timeStamping", detail);
    }

    [Fact]
    public async Task Evidence_resealed_with_another_seal_certificate_under_the_same_root_is_invalid()
    {
        var issued = await IssuedSample.IssueAsync(pki);
        using var other = OtherSeal();
        using var otherSeal = new X509SealSigner(other);

        var forged = await IssuedSample.ResealAsync(pki, issued, otherSeal, pki.Now);

        var detail = VerificationAssert.FailedExactly(Verifier().Verify(forged), VerificationCheck.SealIdentity);
        Assert.Contains("Someone else's seal", detail);
    }

    [Fact]
    public async Task Evidence_resealed_with_another_seal_named_as_issuer_is_invalid_against_the_expected_seal()
    {
        var issued = await IssuedSample.IssueAsync(pki);
        using var other = OtherSeal();
        using var otherSeal = new X509SealSigner(other);

        var forged = await IssuedSample.ResealAsync(pki, issued, otherSeal, pki.Now,
            c => c with { Issuer = c.Issuer with { SealCertificate = other.RawData } });

        // Without a pin the root vouches for any seal it issued: that is what the auditor's pin is for.
        Assert.True(Verifier().Verify(forged).IsValid);
        var pinned = new EvidenceVerifier(pki.Anchors(), pki.Time) { ExpectedSeals = [pki.Material().Seal.Certificate] };
        var detail = VerificationAssert.FailedExactly(pinned.Verify(forged), VerificationCheck.ExpectedSeal);
        Assert.Contains("none of the 1 expected", detail);
        Assert.True(pinned.Verify(issued).IsValid);
    }

    [Fact]
    public async Task Evidence_that_names_no_issuer_certificate_is_invalid_naming_the_seal_identity()
    {
        var unnamed = IssuedSample.Content(pki) with { Issuer = new Erds.Evidence.Model.IssuerDetails(TestPki.ProviderName, null) };

        var report = Verifier().Verify(await IssuedSample.IssueAsync(pki, unnamed));

        Assert.Contains("names no certificate", VerificationAssert.FailedExactly(report, VerificationCheck.SealIdentity));
    }

    [Fact]
    public async Task Evidence_sealed_with_an_ocsp_signing_certificate_is_invalid_naming_the_seal_usage()
    {
        using var responder = pki.IssueEcdsa("OCSP responder", pki.Now.AddDays(-1), pki.Now.AddYears(1), CertificateIssuer.SealKeyUsage(),
            new X509EnhancedKeyUsageExtension([new Oid(SealCertificateRules.OcspSigningOid)], false));
        using var seal = new X509SealSigner(responder);

        var report = Verifier().Verify(await IssuedSample.IssueAsync(pki, IssuedSample.Content(pki, responder), seal));

        Assert.Contains("OCSPSigning", VerificationAssert.FailedExactly(report, VerificationCheck.SealCertificateUsage));
    }

    [Fact]
    public async Task Evidence_sealed_with_a_certificate_that_also_allows_e_mail_protection_is_valid()
    {
        using var seal = pki.IssueEcdsa("Seal with e-mail", pki.Now.AddDays(-1), pki.Now.AddYears(1), CertificateIssuer.SealKeyUsage(),
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.4")], false));
        using var signer = new X509SealSigner(seal);

        var report = Verifier().Verify(await IssuedSample.IssueAsync(pki, IssuedSample.Content(pki, seal), signer));

        Assert.True(report.IsValid, Failures(report));
    }

    private X509Certificate2 OtherSeal() =>
        pki.IssueEcdsa("Someone else's seal", pki.Now.AddDays(-1), pki.Now.AddYears(1), CertificateIssuer.SealKeyUsage());

    private EvidenceVerifier Verifier() => new(pki.Anchors(), pki.Time);

    private static string Failures(VerificationReport report) =>
        string.Join(" | ", report.Failures.Select(f => $"{f.Check}: {f.Detail}"));
}
