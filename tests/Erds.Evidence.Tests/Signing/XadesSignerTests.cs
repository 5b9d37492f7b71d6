using System.Text;
using System.Xml;
using Erds.Evidence.Signing;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Timestamping;
using Xunit;

namespace Erds.Evidence.Tests.Signing;

public sealed class XadesSignerTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public async Task Signature_is_appended_as_the_last_child_of_the_document_element()
    {
        var signed = await SignedSample.CreateAsync(pki);

        Assert.Equal("Signature", signed.DocumentElement!.LastChild!.LocalName);
        Assert.Equal(Tamper.Ds, signed.DocumentElement.LastChild.NamespaceURI);
    }

    [Fact]
    public async Task Original_content_is_kept_byte_for_byte_before_the_signature()
    {
        var signed = Encoding.UTF8.GetString(SampleEvidence.Serialize(await SignedSample.CreateAsync(pki)));

        var original = SampleEvidence.Xml[SampleEvidence.Xml.IndexOf("<e:Evidence", StringComparison.Ordinal)..SampleEvidence.Xml.LastIndexOf("</e:Evidence>", StringComparison.Ordinal)];
        Assert.Contains(original + "<ds:Signature ", signed);
    }

    [Theory]
    [InlineData(SealKeyType.EcdsaP256, "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256")]
    [InlineData(SealKeyType.Rsa3072, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")]
    public async Task Signature_method_follows_the_seal_key_type(SealKeyType keyType, string algorithm)
    {
        var signed = await SignedSample.CreateAsync(pki, keyType);

        Assert.Equal(algorithm, Tamper.Single(signed, Tamper.Ds, "SignatureMethod").GetAttribute("Algorithm"));
    }

    [Fact]
    public async Task Each_signature_gets_its_own_ids()
    {
        var first = await SignedSample.CreateAsync(pki);
        var second = await SignedSample.CreateAsync(pki);

        Assert.NotEqual(Tamper.Single(first, Tamper.Ds, "Signature").GetAttribute("Id"), Tamper.Single(second, Tamper.Ds, "Signature").GetAttribute("Id"));
    }

    [Fact]
    public async Task Signing_time_is_written_in_utc()
    {
        var signed = await SignedSample.CreateAsync(pki, signingTime: pki.Now.ToOffset(TimeSpan.FromHours(2)));

        // Milliseconds, like the event times, so the signing time orders with the event it seals.
        Assert.Equal(pki.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), Tamper.Single(signed, Tamper.Xades, "SigningTime").InnerText);
    }

    [Fact]
    public async Task Document_that_does_not_preserve_whitespace_is_refused()
    {
        var document = new XmlDocument { PreserveWhitespace = false };
        document.LoadXml(SampleEvidence.Xml);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            new XadesSigner(pki.Material().Seal, pki.Tsa()).SignAsync(document, pki.Now, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Document_that_is_already_signed_is_refused()
    {
        var signed = await SignedSample.CreateAsync(pki);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            new XadesSigner(pki.Material().Seal, pki.Tsa()).SignAsync(signed, pki.Now, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Failed_timestamp_leaves_the_document_unchanged()
    {
        var document = SampleEvidence.Load();
        var before = document.OuterXml;
        var unreachable = new HttpTimestampClient(new HttpClient(new TsaHttpHandler(_ => [], status: System.Net.HttpStatusCode.BadGateway)),
            new Uri("http://tsa.test/"), [pki.Material().RootCertificate]);

        await Assert.ThrowsAsync<TimestampException>(() =>
            new XadesSigner(pki.Material().Seal, unreachable).SignAsync(document, pki.Now, TestContext.Current.CancellationToken));

        Assert.Equal(before, document.OuterXml);
    }

    [Fact]
    public async Task Document_built_in_code_verifies_after_saving_and_reloading()
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        var root = document.AppendChild(document.CreateElement("e", "Evidence", SampleEvidence.Namespace))!;
        root.AppendChild(document.CreateElement("e", "EvidenceIdentifier", SampleEvidence.Namespace))!.InnerText = "built";
        root.AppendChild(document.CreateElement("EventTime", SampleEvidence.Namespace))!.InnerText = "2026-11-22T10:00:00Z";

        await new XadesSigner(pki.Material().Seal, pki.Tsa()).SignAsync(document, pki.Now, TestContext.Current.CancellationToken);

        var result = new Erds.Evidence.Verification.XadesVerifier(pki.Anchors(), pki.Time).Verify(SampleEvidence.RoundTrip(document));
        Assert.True(result.IsValid, string.Join("; ", result.Failures.Select(f => f.Detail)));
    }
}
