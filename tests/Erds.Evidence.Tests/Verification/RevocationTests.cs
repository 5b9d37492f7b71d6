using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Erds.Evidence.Pki;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Verification;
using Org.BouncyCastle.Ocsp;
using Xunit;
using Reason = Org.BouncyCastle.Asn1.X509.CrlReason;

namespace Erds.Evidence.Tests.Verification;

/// <summary>Revocation of the seal's and the TSA's certificates at the time the signature timestamp proves, from the CRLs and OCSP responses given.</summary>
public sealed class RevocationTests(RevocationPki pki) : IClassFixture<RevocationPki>
{
    private DateTimeOffset Later => pki.Stamped.AddHours(2);

    [Fact]
    public async Task Without_revocation_data_the_evidence_is_valid_with_a_warning_naming_the_sources()
    {
        var report = pki.Verifier().Verify(await pki.IssueAsync());

        Assert.True(report.IsValid, Failures(report));
        var warnings = report.Warnings.ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(VerificationCheck.Revocation, w.Check));
        Assert.Contains(RevocationPki.CrlUrl, warnings[0].Detail);
        Assert.Contains(RevocationPki.OcspUrl, warnings[0].Detail);
        Assert.Contains("seal certificate 'CN=Revocation Test seal'", warnings[0].Detail);
        Assert.Contains("TSA certificate 'CN=Revocation Test TSA'", warnings[1].Detail);
        Assert.Contains("unproven", warnings[0].Detail);
    }

    [Fact]
    public async Task Without_revocation_data_the_evidence_is_invalid_when_revocation_data_is_required()
    {
        var report = pki.Verifier(require: true).Verify(await pki.IssueAsync());

        Assert.Contains("required", VerificationAssert.FailedExactly(report, VerificationCheck.Revocation, VerificationCheck.Revocation));
    }

    [Fact]
    public async Task A_crl_issued_after_the_timestamp_that_does_not_list_the_certificates_proves_them_not_revoked()
    {
        var data = RevocationData.From([pki.Crl(Later)]);

        var report = pki.Verifier(data, require: true).Verify(await pki.IssueAsync());

        Assert.True(report.IsValid, Failures(report));
        Assert.Empty(report.Warnings);
        Assert.Contains(report.Checks, c => c.Check == VerificationCheck.Revocation && c.Detail.Contains("not listed on the CRL of 'CN=Revocation Test Root'"));
    }

    [Fact]
    public async Task Seal_revoked_before_the_timestamp_makes_the_evidence_invalid_naming_revocation()
    {
        var data = RevocationData.From([pki.Crl(Later, (pki.Seal, pki.Stamped.AddMinutes(-10), Reason.KeyCompromise))]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        var detail = VerificationAssert.FailedExactly(report, VerificationCheck.Revocation);
        Assert.Contains("seal certificate", detail);
        Assert.Contains("revoked (key compromise)", detail);
    }

    [Fact]
    public async Task Seal_revoked_after_the_timestamp_leaves_the_evidence_valid_and_says_so()
    {
        var data = RevocationData.From([pki.Crl(Later, (pki.Seal, pki.Stamped.AddHours(1), Reason.Superseded))]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        Assert.True(report.IsValid, Failures(report));
        Assert.Contains(report.Checks, c => c.Check == VerificationCheck.Revocation && c.Detail.Contains("only since"));
    }

    [Fact]
    public async Task Seal_whose_key_was_compromised_before_the_timestamp_is_invalid_though_revoked_after_it()
    {
        var data = RevocationData.From([pki.Crl(Later, [(pki.Seal, pki.Stamped.AddHours(1), Reason.KeyCompromise, pki.Stamped.AddDays(-1))])]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        VerificationAssert.FailedExactly(report, VerificationCheck.Revocation);
    }

    [Fact]
    public async Task Seal_on_hold_at_the_timestamp_makes_the_evidence_invalid()
    {
        var data = RevocationData.From([pki.Crl(Later, (pki.Seal, pki.Stamped.AddMinutes(-5), Reason.CertificateHold))]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        Assert.Contains("on hold", VerificationAssert.FailedExactly(report, VerificationCheck.Revocation));
    }

    [Fact]
    public async Task Timestamp_authority_revoked_before_the_timestamp_makes_the_evidence_invalid()
    {
        var data = RevocationData.From([pki.Crl(Later, (pki.Tsa, pki.Stamped.AddDays(-1), Reason.KeyCompromise))]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        Assert.Contains("TSA certificate", VerificationAssert.FailedExactly(report, VerificationCheck.Revocation));
    }

    [Fact]
    public async Task A_crl_signed_by_another_key_under_the_same_name_is_not_used()
    {
        using var impostor = CertificateIssuer.CreateRoot(new X500DistinguishedName("CN=Revocation Test Root"), pki.Stamped.AddYears(-1), pki.Stamped.AddYears(1));
        var data = RevocationData.From([pki.Crl(Later, [], signer: impostor)]);

        var report = pki.Verifier(data, require: true).Verify(await pki.IssueAsync());

        Assert.Contains("does not verify with the key", VerificationAssert.FailedExactly(report, VerificationCheck.Revocation, VerificationCheck.Revocation));
    }

    [Fact]
    public async Task A_crl_issued_before_the_timestamp_cannot_show_the_status_at_the_timestamp()
    {
        var data = RevocationData.From([pki.Crl(pki.Stamped.AddHours(-1))]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        Assert.True(report.IsValid);
        Assert.Contains("issued before", report.Warnings.First().Detail);
    }

    [Fact]
    public async Task A_crl_claiming_to_be_issued_in_the_future_is_not_used()
    {
        var data = RevocationData.From([pki.Crl(pki.VerifiedAt.AddDays(3))]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        Assert.Contains("in the future", report.Warnings.First().Detail);
    }

    [Fact]
    public async Task A_crl_with_a_critical_extension_the_verifier_does_not_know_is_not_used()
    {
        var data = RevocationData.From([pki.Crl(Later, [], extra: g => g.AddExtension("1.2.3.4.5", critical: true, Org.BouncyCastle.Asn1.DerNull.Instance))]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        Assert.Contains("critical extension 1.2.3.4.5", report.Warnings.First().Detail);
    }

    [Fact]
    public async Task A_revoked_seal_listed_on_a_crl_issued_before_the_timestamp_is_invalid()
    {
        var data = RevocationData.From([pki.Crl(pki.Stamped.AddHours(-1), (pki.Seal, pki.Stamped.AddHours(-2), Reason.KeyCompromise))]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        VerificationAssert.FailedExactly(report, VerificationCheck.Revocation);
    }

    [Fact]
    public async Task An_ocsp_response_by_the_ca_saying_good_after_the_timestamp_proves_the_seal_not_revoked()
    {
        var data = RevocationData.From([], [pki.Ocsp(pki.Seal, CertificateStatus.Good, Later)]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        Assert.True(report.IsValid, Failures(report));
        Assert.Contains(report.Checks, c => c.Check == VerificationCheck.Revocation && !c.IsWarning && c.Detail.Contains("says good"));
        Assert.Single(report.Warnings); // the TSA's, for which no response was given
    }

    [Fact]
    public async Task An_ocsp_response_saying_revoked_before_the_timestamp_makes_the_evidence_invalid()
    {
        var data = RevocationData.From([], [pki.Ocsp(pki.Seal, new RevokedStatus(pki.Stamped.AddDays(-1).UtcDateTime, Reason.KeyCompromise), Later)]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        Assert.Contains("says revoked", VerificationAssert.FailedExactly(report, VerificationCheck.Revocation));
    }

    [Fact]
    public async Task An_ocsp_response_by_a_responder_the_ca_authorised_is_used()
    {
        using var responder = pki.Issue("Revocation Test OCSP responder",
            [new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true), new X509EnhancedKeyUsageExtension([new Oid(SealCertificateRules.OcspSigningOid)], false)]);
        var data = RevocationData.From([], [pki.Ocsp(pki.Seal, CertificateStatus.Good, Later, responder)]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        Assert.Contains(report.Checks, c => c.Check == VerificationCheck.Revocation && !c.IsWarning && c.Detail.Contains("by 'CN=Revocation Test OCSP responder'"));
    }

    [Fact]
    public async Task An_ocsp_response_signed_by_a_certificate_without_the_ocsp_signing_usage_is_not_used()
    {
        using var notAResponder = pki.Issue("Just a certificate", [CertificateIssuer.SealKeyUsage()]);
        var data = RevocationData.From([], [pki.Ocsp(pki.Seal, CertificateStatus.Good, Later, notAResponder)]);

        var report = pki.Verifier(data).Verify(await pki.IssueAsync());

        Assert.Contains("nor by an OCSP responder it authorised", report.Warnings.First().Detail);
    }

    [Fact]
    public async Task A_certificate_that_names_no_revocation_source_passes_and_the_report_says_so()
    {
        var report = pki.Verifier().Verify(await pki.IssueAsync(pki.Plain));

        Assert.True(report.IsValid, Failures(report));
        var seal = report.Checks.First(c => c.Check == VerificationCheck.Revocation);
        Assert.False(seal.IsWarning);
        Assert.Contains("names no revocation source", seal.Detail);
    }

    [Fact]
    public void A_crl_in_pem_is_read_and_garbage_is_refused_with_its_number()
    {
        var der = pki.Crl(Later);
        var pem = Encoding.ASCII.GetBytes(PemEncoding.WriteString("X509 CRL", der));

        Assert.Equal(2, RevocationData.From([der, pem]).CrlCount);
        var ex = Assert.Throws<RevocationDataException>(() => RevocationData.From([der, "not a crl"u8.ToArray()]));
        Assert.StartsWith("CRL 2 ", ex.Message);
        Assert.Throws<RevocationDataException>(() => RevocationData.From([], [der]));
    }

    private static string Failures(VerificationReport report) =>
        string.Join(" | ", report.Failures.Select(f => $"{f.Check}: {f.Detail}"));
}
