using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Timestamping;
using Xunit;

namespace Erds.Evidence.Tests.Timestamping;

public sealed class TimestampTokenVerifierTests(TestPki pki) : IClassFixture<TestPki>
{
    private static readonly byte[] Imprint = SHA256.HashData("signature value"u8);

    private X509Certificate2[] Roots => [pki.Material().RootCertificate];

    private Task<byte[]> TokenAsync() => pki.Tsa().GetTokenAsync(Imprint, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Token_over_another_imprint_fails_as_imprint_mismatch()
    {
        var token = await TokenAsync();

        var result = TimestampTokenVerifier.Verify(token, SHA256.HashData("other"u8), Roots);

        Assert.Equal(TimestampFailure.ImprintMismatch, result.Failure);
    }

    [Fact]
    public async Task Token_with_a_changed_signature_byte_fails_as_bad_signature()
    {
        var token = await TokenAsync();
        token[^1] ^= 0x01;

        var result = TimestampTokenVerifier.Verify(token, Imprint, Roots);

        Assert.Equal(TimestampFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void Bytes_that_are_no_token_fail_as_malformed()
    {
        var result = TimestampTokenVerifier.Verify([0x30, 0x00], Imprint, Roots);

        Assert.Equal(TimestampFailure.MalformedToken, result.Failure);
    }

    [Fact]
    public async Task Token_from_a_tsa_under_another_root_fails_as_untrusted_chain()
    {
        var token = await TokenAsync();

        var result = TimestampTokenVerifier.Verify(token, Imprint, [TestPki.OtherRoot(pki.Now)]);

        Assert.Equal(TimestampFailure.UntrustedChain, result.Failure);
    }

    [Fact]
    public void Tsa_certificate_with_a_non_critical_timestamping_usage_is_rejected()
    {
        var tsa = pki.IssueEcdsa("Lax TSA", pki.Now.AddDays(-1), pki.Now.AddDays(1),
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: false));
        var token = ForgedTimestampToken.Create(tsa, Imprint, pki.Now);

        var result = TimestampTokenVerifier.Verify(token, Imprint, Roots);

        Assert.Equal(TimestampFailure.NotATimestampingCertificate, result.Failure);
        Assert.Contains("non-critical", result.Detail);
    }

    [Fact]
    public void Tsa_certificate_without_an_extended_key_usage_is_rejected()
    {
        var tsa = pki.IssueEcdsa("Plain TSA", pki.Now.AddDays(-1), pki.Now.AddDays(1));
        var token = ForgedTimestampToken.Create(tsa, Imprint, pki.Now);

        var result = TimestampTokenVerifier.Verify(token, Imprint, Roots);

        Assert.Equal(TimestampFailure.NotATimestampingCertificate, result.Failure);
    }

    [Fact]
    public void Tsa_certificate_with_timestamping_among_other_usages_is_rejected()
    {
        var tsa = pki.IssueEcdsa("Busy TSA", pki.Now.AddDays(-1), pki.Now.AddDays(1),
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8"), new Oid("1.3.6.1.5.5.7.3.2")], critical: true));
        var token = ForgedTimestampToken.Create(tsa, Imprint, pki.Now);

        var result = TimestampTokenVerifier.Verify(token, Imprint, Roots);

        Assert.Equal(TimestampFailure.NotATimestampingCertificate, result.Failure);
    }

    [Fact]
    public void Hand_made_token_from_a_proper_tsa_certificate_verifies()
    {
        // Proves the forged tokens above fail for their certificate, not for how they were assembled.
        var tsa = pki.IssueEcdsa("Proper TSA", pki.Now.AddDays(-1), pki.Now.AddDays(1),
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: true));
        var token = ForgedTimestampToken.Create(tsa, Imprint, pki.Now);

        var result = TimestampTokenVerifier.Verify(token, Imprint, Roots);

        Assert.True(result.IsValid, result.Detail);
    }
}
