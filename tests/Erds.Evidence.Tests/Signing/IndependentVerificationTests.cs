using System.Security.Cryptography;
using System.Text;
using Erds.Evidence.Pki;
using Erds.Evidence.Signing;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Signing;

/// <summary>Other implementations must accept what we sign: xmlsec1 for the XML signature, openssl for the timestamp.</summary>
public sealed class IndependentVerificationTests(TestPki pki) : IClassFixture<TestPki>, IDisposable
{
    private readonly TempDirectory _files = new();

    [Theory]
    [InlineData(SealKeyType.EcdsaP256)]
    [InlineData(SealKeyType.Rsa3072)]
    public async Task Xmlsec1_verifies_the_signature_with_the_keyinfo_certificate_under_the_development_root(SealKeyType keyType)
    {
        var signed = await SignedSample.CreateAsync(pki, keyType);
        File.WriteAllBytes(_files.File("signed.xml"), SampleEvidence.Serialize(signed));

        var (exitCode, output) = ExternalTool.Run("xmlsec1", "--verify",
            "--trusted-pem", pki.RootPemPath(keyType),
            "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties",
            _files.File("signed.xml"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("SignedInfo References (ok/all): 2/2", output);
    }

    [Fact]
    public async Task Xmlsec1_and_our_verifier_accept_content_with_carriage_returns_and_attribute_tabs_and_line_breaks()
    {
        // Characters a parser normalises unless they are written as references: what is digested
        // must be what a verifier reads from the stored bytes, not a normalised copy.
        var document = SampleEvidence.Load();
        var note = Tamper.Single(document, SampleEvidence.Namespace, "Note");
        note.InnerText = "first line\r\nsecond\rthird\ttabbed";
        note.SetAttribute("comment", "a\tb\nc\rd");
        await new XadesSigner(pki.Material(SealKeyType.EcdsaP256).Seal, pki.Tsa(SealKeyType.EcdsaP256))
            .SignAsync(document, pki.Now, TestContext.Current.CancellationToken);
        var bytes = EvidenceXml.ToBytes(document);
        File.WriteAllBytes(_files.File("signed.xml"), bytes);

        var (exitCode, output) = ExternalTool.Run("xmlsec1", "--verify",
            "--trusted-pem", pki.RootPemPath(SealKeyType.EcdsaP256),
            "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties",
            _files.File("signed.xml"));

        Assert.True(exitCode == 0, output);
        var readBack = SampleEvidence.Load(bytes);
        Assert.Equal("first line\r\nsecond\rthird\ttabbed", Tamper.Single(readBack, SampleEvidence.Namespace, "Note").InnerText);
        var verdict = pki.Verify(readBack);
        Assert.True(verdict.IsValid, string.Join("; ", verdict.Failures.Select(f => f.ToString())));
    }

    [Fact]
    public async Task Xmlsec1_rejects_the_signature_under_another_root()
    {
        // Proves the command above checks the certificate chain rather than any key it finds.
        var signed = await SignedSample.CreateAsync(pki);
        File.WriteAllBytes(_files.File("signed.xml"), SampleEvidence.Serialize(signed));
        File.WriteAllText(_files.File("other-root.pem"), TestPki.OtherRoot(pki.Now).ExportCertificatePem());

        var (exitCode, _) = ExternalTool.Run("xmlsec1", "--verify",
            "--trusted-pem", _files.File("other-root.pem"),
            "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties",
            _files.File("signed.xml"));

        Assert.NotEqual(0, exitCode);
    }

    [Theory]
    [InlineData(SealKeyType.EcdsaP256)]
    [InlineData(SealKeyType.Rsa3072)]
    public async Task Openssl_verifies_the_signature_timestamp_over_the_canonical_signature_value(SealKeyType keyType)
    {
        var signed = await SignedSample.CreateAsync(pki, keyType);
        var signatureValue = Tamper.Single(signed, Tamper.Ds, "SignatureValue");
        File.WriteAllBytes(_files.File("token.der"), Convert.FromBase64String(Tamper.Single(signed, Tamper.Xades, "EncapsulatedTimeStamp").InnerText));
        // Exclusive c14n of this element, written out by hand so our canonicalizer is not checked against itself.
        var canonical = $"<ds:SignatureValue xmlns:ds=\"{Tamper.Ds}\" Id=\"{signatureValue.GetAttribute("Id")}\">{signatureValue.InnerText}</ds:SignatureValue>";
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        var (exitCode, output) = ExternalTool.Run("openssl", "ts", "-verify",
            "-in", _files.File("token.der"), "-token_in",
            "-digest", digest,
            "-CAfile", pki.RootPemPath(keyType),
            "-untrusted", Path.Combine(pki.PkiDirectory(keyType), DevelopmentPkiFiles.TsaCertificate));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Verification: OK", output);
    }

    public void Dispose() => _files.Dispose();
}
