using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Signing;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Timestamping;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;
using Xunit;

namespace Erds.Evidence.Tests.Timestamping;

public sealed class BuiltInTimestampAuthorityTests(TestPki pki) : IClassFixture<TestPki>
{
    private static readonly byte[] Imprint = SHA256.HashData("evidence"u8);

    private async Task<TimeStampToken> TokenAsync() =>
        new(new CmsSignedData(await pki.Tsa().GetTokenAsync(Imprint, TestContext.Current.CancellationToken)));

    [Fact]
    public async Task Token_covers_the_imprint_at_the_current_time_and_verifies()
    {
        var token = await pki.Tsa().GetTokenAsync(Imprint, TestContext.Current.CancellationToken);

        var result = TimestampTokenVerifier.Verify(token, Imprint, [pki.Material().RootCertificate]);

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(pki.Now, result.GenTime);
        Assert.Equal(pki.Material().TsaCertificate.Subject, result.TsaSubject);
    }

    [Theory]
    [InlineData(SealKeyType.EcdsaP256)]
    [InlineData(SealKeyType.Rsa3072)]
    public async Task Tokens_after_the_first_verify_as_well(SealKeyType keyType)
    {
        // The first token is checked inside the authority; later ones are only signed, so check them here.
        var tsa = pki.Tsa(keyType);
        for (var i = 0; i < 3; i++)
        {
            var imprint = SHA256.HashData([(byte)i]);
            var token = await tsa.GetTokenAsync(imprint, TestContext.Current.CancellationToken);

            var result = TimestampTokenVerifier.Verify(token, imprint, [pki.Material(keyType).RootCertificate]);

            Assert.True(result.IsValid, $"token {i}: {result.Detail}");
        }
    }

    [Fact]
    public async Task A_token_after_the_tsa_certificate_expired_is_refused_even_after_good_ones()
    {
        var clock = new FixedTimeProvider(pki.Now);
        var tsa = pki.Tsa(time: clock);
        await tsa.GetTokenAsync(Imprint, TestContext.Current.CancellationToken);

        clock.Now = new DateTimeOffset(pki.Material().TsaCertificate.NotAfter.ToUniversalTime()).AddDays(1);

        await Assert.ThrowsAsync<TimestampException>(() => tsa.GetTokenAsync(Imprint, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Token_carries_an_ess_signing_certificate_v2_with_the_sha256_of_the_tsa_certificate()
    {
        var token = await TokenAsync();

        var attribute = token.SignedAttributes[PkcsObjectIdentifiers.IdAASigningCertificateV2];
        var certId = SigningCertificateV2.GetInstance(attribute.AttrValues[0]).GetCerts()[0];
        Assert.Equal(NistObjectIdentifiers.IdSha256, certId.HashAlgorithm.Algorithm);
        Assert.Equal(SHA256.HashData(pki.Material().TsaCertificate.RawData), certId.GetCertHash());
        Assert.Null(token.SignedAttributes[PkcsObjectIdentifiers.IdAASigningCertificate]);
    }

    [Fact]
    public async Task Token_includes_the_tsa_certificate()
    {
        var token = await TokenAsync();

        var certificate = Assert.Single(token.GetCertificates().EnumerateMatches(null));
        Assert.Equal(pki.Material().TsaCertificate.RawData, certificate.GetEncoded());
    }

    [Fact]
    public async Task Token_carries_the_configured_policy()
    {
        var token = await TokenAsync();

        Assert.Equal(BuiltInTimestampAuthority.DevelopmentPolicyOid, token.TimeStampInfo.Policy);
    }

    [Fact]
    public async Task Every_token_gets_another_serial_number()
    {
        var first = await TokenAsync();
        var second = await TokenAsync();

        Assert.NotEqual(first.TimeStampInfo.SerialNumber, second.TimeStampInfo.SerialNumber);
    }

    [Fact]
    public void Malformed_request_gets_a_rejection_response_not_an_exception()
    {
        var reply = new TimeStampResponse(pki.Tsa().Respond([0x30, 0x03, 0x02, 0x01]));

        Assert.Equal(2, reply.Status);
        Assert.Null(reply.TimeStampToken);
    }

    [Fact]
    public void Request_with_a_sha1_imprint_gets_a_rejection_response()
    {
        var request = new TimeStampRequestGenerator().Generate(TspAlgorithms.Sha1, SHA1.HashData("x"u8), BigInteger.One);

        var reply = new TimeStampResponse(pki.Tsa().Respond(request.GetEncoded()));

        Assert.Equal(2, reply.Status);
    }

    [Fact]
    public void Request_for_another_policy_gets_a_rejection_response()
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetReqPolicy(new Org.BouncyCastle.Asn1.DerObjectIdentifier("2.25.7"));
        var request = generator.Generate(TspAlgorithms.Sha256, Imprint, BigInteger.One);

        var reply = new TimeStampResponse(pki.Tsa().Respond(request.GetEncoded()));

        Assert.Equal(2, reply.Status);
    }

    [Fact]
    public void Request_without_certReq_gets_a_token_without_certificates()
    {
        var request = new TimeStampRequestGenerator().Generate(TspAlgorithms.Sha256, Imprint, BigInteger.Two);

        var reply = new TimeStampResponse(pki.Tsa().Respond(request.GetEncoded()));

        Assert.Equal(0, reply.Status);
        Assert.Empty(reply.TimeStampToken.GetCertificates().EnumerateMatches(null));
    }

    [Fact]
    public void Certificate_without_timestamping_usage_is_refused_as_tsa_certificate()
    {
        var notTsa = pki.IssueEcdsa("Not a TSA", pki.Now.AddDays(-1), pki.Now.AddDays(1),
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));

        var error = Assert.Throws<TimestampException>(() => new BuiltInTimestampAuthority(notTsa, [pki.Material().RootCertificate], pki.Time));

        Assert.Equal(TimestampFailure.NotATimestampingCertificate, error.Reason);
    }
}
