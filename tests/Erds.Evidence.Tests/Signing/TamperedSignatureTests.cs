using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Pki;
using Erds.Evidence.Signing;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Verification;
using Xunit;

namespace Erds.Evidence.Tests.Signing;

/// <summary>Changes after signing, and signatures made with the wrong keys or tokens.</summary>
public sealed class TamperedSignatureTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public async Task Changed_byte_in_the_signed_content_fails_the_signature_check()
    {
        var tampered = Tamper.Text(await SignedSample.CreateAsync(pki), "ev-42", "ev-43");

        var detail = VerificationAssert.FailedExactly(pki.Verify(tampered), VerificationCheck.Signature);

        Assert.Contains("signed document content was changed", detail);
    }

    [Fact]
    public async Task Changed_whitespace_in_the_signed_content_fails_the_signature_check()
    {
        var tampered = Tamper.Text(await SignedSample.CreateAsync(pki), "\n  <e:Note>", "\n    <e:Note>");

        VerificationAssert.FailedExactly(pki.Verify(tampered), VerificationCheck.Signature);
    }

    [Fact]
    public async Task Changed_signed_property_fails_the_signature_check()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var signingTime = Tamper.Single(signed, Tamper.Xades, "SigningTime");
        signingTime.InnerText = pki.Now.AddSeconds(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

        var detail = VerificationAssert.FailedExactly(pki.Verify(signed), VerificationCheck.Signature);

        Assert.Contains("signed properties were changed", detail);
    }

    [Fact]
    public async Task Changed_signature_value_fails_the_signature_and_the_timestamp_over_it()
    {
        var signed = await SignedSample.CreateAsync(pki);
        Tamper.FlipByte(Tamper.Single(signed, Tamper.Ds, "SignatureValue"), 5);

        var result = pki.Verify(signed);

        Assert.Contains("SignatureValue does not verify",
            VerificationAssert.FailedExactly(result, VerificationCheck.Signature, VerificationCheck.Timestamp, VerificationCheck.TimeSanity, VerificationCheck.Revocation));
        Assert.Contains("ImprintMismatch", result.Failures.Single(f => f.Check == VerificationCheck.Timestamp).Detail);
    }

    [Fact]
    public async Task Changed_byte_in_the_timestamp_token_fails_the_timestamp_check()
    {
        var signed = await SignedSample.CreateAsync(pki);
        Tamper.FlipByte(Tamper.Single(signed, Tamper.Xades, "EncapsulatedTimeStamp"), ^1);

        var detail = VerificationAssert.FailedExactly(pki.Verify(signed), VerificationCheck.Timestamp, VerificationCheck.TimeSanity, VerificationCheck.Revocation);

        Assert.Contains("BadSignature", detail);
    }

    [Fact]
    public async Task Timestamp_token_over_another_imprint_fails_the_timestamp_check()
    {
        var signed = await SignedSample.CreateAsync(pki, tsa: new RedirectingTimestampClient(pki.Tsa()));

        var detail = VerificationAssert.FailedExactly(pki.Verify(signed), VerificationCheck.Timestamp, VerificationCheck.TimeSanity, VerificationCheck.Revocation);

        Assert.Contains("ImprintMismatch", detail);
    }

    [Fact]
    public async Task Timestamp_from_a_tsa_without_critical_timestamping_usage_fails_the_timestamp_check()
    {
        var laxTsa = pki.IssueEcdsa("Lax TSA", pki.Now.AddDays(-1), pki.Now.AddDays(1),
            new X509EnhancedKeyUsageExtension([new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.8")], critical: false));
        var signed = await SignedSample.CreateAsync(pki, tsa: new ForgingTimestampClient(laxTsa, pki.Now));

        var detail = VerificationAssert.FailedExactly(pki.Verify(signed), VerificationCheck.Timestamp, VerificationCheck.TimeSanity, VerificationCheck.Revocation);

        Assert.Contains("NotATimestampingCertificate", detail);
    }

    [Fact]
    public async Task Seal_under_another_trust_anchor_fails_the_certificate_chain_check()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var anchors = new TrustAnchors([TestPki.OtherRoot(pki.Now)], [pki.Material().RootCertificate]);

        var result = new XadesVerifier(anchors, pki.Time).Verify(signed);

        Assert.Contains("does not chain", VerificationAssert.FailedExactly(result, VerificationCheck.CertificateChain, VerificationCheck.Revocation));
    }

    [Fact]
    public async Task Timestamp_under_another_trust_anchor_fails_the_timestamp_check()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var anchors = new TrustAnchors([pki.Material().RootCertificate], [TestPki.OtherRoot(pki.Now)]);

        var result = new XadesVerifier(anchors, pki.Time).Verify(signed);

        Assert.Contains("UntrustedChain", VerificationAssert.FailedExactly(result, VerificationCheck.Timestamp, VerificationCheck.TimeSanity, VerificationCheck.Revocation));
    }

    [Fact]
    public async Task Seal_certificate_expired_at_signing_time_fails_the_certificate_chain_check()
    {
        var expired = pki.IssueEcdsa("Expired seal", pki.Now.AddDays(-10), pki.Now.AddDays(-1), CertificateIssuer.SealKeyUsage());
        using var seal = new X509SealSigner(expired);

        var signed = await SignedSample.CreateAsync(pki, seal: seal);

        Assert.Contains("NotTimeValid", VerificationAssert.FailedExactly(pki.Verify(signed), VerificationCheck.CertificateChain, VerificationCheck.Revocation));
    }

    [Fact]
    public async Task KeyInfo_certificate_other_than_the_signed_one_fails_the_signing_certificate_check()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var other = pki.IssueEcdsa("Other seal", pki.Now.AddDays(-1), pki.Now.AddDays(1), CertificateIssuer.SealKeyUsage());
        Tamper.Single(signed, Tamper.Ds, "X509Certificate").InnerText = Convert.ToBase64String(other.RawData);

        var result = pki.Verify(signed);

        Assert.Contains("SignatureValue does not verify",
            VerificationAssert.FailedExactly(result, VerificationCheck.Signature, VerificationCheck.SigningCertificate));
        Assert.Contains("CertDigest does not match", result.Failures.Single(f => f.Check == VerificationCheck.SigningCertificate).Detail);
    }
}
