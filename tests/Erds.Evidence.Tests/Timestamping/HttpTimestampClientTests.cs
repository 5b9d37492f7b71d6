using System.Net;
using System.Security.Cryptography;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Timestamping;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;
using Xunit;

namespace Erds.Evidence.Tests.Timestamping;

public sealed class HttpTimestampClientTests(TestPki pki) : IClassFixture<TestPki>
{
    private static readonly Uri Endpoint = new("http://tsa.test/");
    private static readonly byte[] Imprint = SHA256.HashData("signature value"u8);

    private HttpTimestampClient Client(TsaHttpHandler handler) =>
        new(new HttpClient(handler), Endpoint, [pki.Material().RootCertificate]);

    [Fact]
    public async Task Good_reply_is_accepted_and_its_token_returned()
    {
        var handler = new TsaHttpHandler(pki.Tsa().Respond);

        var token = await Client(handler).GetTokenAsync(Imprint, TestContext.Current.CancellationToken);

        Assert.True(TimestampTokenVerifier.Verify(token, Imprint, [pki.Material().RootCertificate]).IsValid);
        Assert.Equal("application/timestamp-query", handler.LastRequestMediaType);
    }

    [Fact]
    public async Task Query_asks_for_the_tsa_certificate_and_carries_a_nonce()
    {
        TimeStampRequest? seen = null;
        var tsa = pki.Tsa();
        var handler = new TsaHttpHandler(query => { seen = new TimeStampRequest(query); return tsa.Respond(query); });

        await Client(handler).GetTokenAsync(Imprint, TestContext.Current.CancellationToken);

        Assert.True(seen!.CertReq);
        Assert.NotNull(seen.Nonce);
        Assert.Equal(Imprint, seen.GetMessageImprintDigest());
    }

    [Fact]
    public async Task Reply_with_another_nonce_is_rejected()
    {
        var tsa = pki.Tsa();
        var handler = new TsaHttpHandler(query =>
        {
            var original = new TimeStampRequest(query);
            var generator = new TimeStampRequestGenerator();
            generator.SetCertReq(true);
            return tsa.Respond(generator.Generate(original.MessageImprintAlgOid, original.GetMessageImprintDigest(), original.Nonce.Add(BigInteger.One)).GetEncoded());
        });

        var error = await Assert.ThrowsAsync<TimestampException>(() => Client(handler).GetTokenAsync(Imprint, TestContext.Current.CancellationToken));

        Assert.Equal(TimestampFailure.NonceMismatch, error.Reason);
    }

    [Fact]
    public async Task Reply_for_another_imprint_is_rejected()
    {
        var tsa = pki.Tsa();
        var handler = new TsaHttpHandler(query =>
        {
            var original = new TimeStampRequest(query);
            var generator = new TimeStampRequestGenerator();
            generator.SetCertReq(true);
            return tsa.Respond(generator.Generate(TspAlgorithms.Sha256, SHA256.HashData("other"u8), original.Nonce).GetEncoded());
        });

        var error = await Assert.ThrowsAsync<TimestampException>(() => Client(handler).GetTokenAsync(Imprint, TestContext.Current.CancellationToken));

        Assert.Equal(TimestampFailure.ImprintMismatch, error.Reason);
    }

    [Fact]
    public async Task Rejection_reply_is_reported_as_not_granted()
    {
        var tsa = pki.Tsa();
        var handler = new TsaHttpHandler(_ => tsa.Respond([0x05, 0x00]));

        var error = await Assert.ThrowsAsync<TimestampException>(() => Client(handler).GetTokenAsync(Imprint, TestContext.Current.CancellationToken));

        Assert.Equal(TimestampFailure.NotGranted, error.Reason);
    }

    [Fact]
    public async Task Reply_from_a_tsa_under_another_root_is_rejected()
    {
        var handler = new TsaHttpHandler(pki.Tsa().Respond);
        var client = new HttpTimestampClient(new HttpClient(handler), Endpoint, [TestPki.OtherRoot(pki.Now)]);

        var error = await Assert.ThrowsAsync<TimestampException>(() => client.GetTokenAsync(Imprint, TestContext.Current.CancellationToken));

        Assert.Equal(TimestampFailure.UntrustedChain, error.Reason);
    }

    [Fact]
    public async Task Reply_of_another_media_type_is_rejected()
    {
        var handler = new TsaHttpHandler(pki.Tsa().Respond, mediaType: "text/html");

        var error = await Assert.ThrowsAsync<TimestampException>(() => Client(handler).GetTokenAsync(Imprint, TestContext.Current.CancellationToken));

        Assert.Equal(TimestampFailure.MalformedResponse, error.Reason);
    }

    [Fact]
    public async Task Http_error_is_reported_as_unavailable()
    {
        var handler = new TsaHttpHandler(_ => [], status: HttpStatusCode.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<TimestampException>(() => Client(handler).GetTokenAsync(Imprint, TestContext.Current.CancellationToken));

        Assert.Equal(TimestampFailure.Unavailable, error.Reason);
    }
}
