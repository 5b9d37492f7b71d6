using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// Every evidence of a real end-to-end run, checked by tools that share no code with this provider.
public sealed class IndependentVerificationTests(AllEvidenceFixture run) : IClassFixture<AllEvidenceFixture>
{
    private const string XadesNamespace = "http://uri.etsi.org/01903/v1.3.2#";

    [Fact]
    public void The_run_produced_every_evidence_type_the_provider_issues()
    {
        Assert.Equal(AllEvidenceFixture.IssuedEvents.Order(), run.Evidence.Select(e => e.Event).Distinct().Order());
    }

    [Fact]
    public async Task Every_evidence_validates_against_the_ETSI_schema_with_xmllint()
    {
        var schema = Path.Combine(ExternalTool.RepositoryRoot(), "schemas", "etsi", "19522-3-evidence.xsd");
        foreach (var file in run.Evidence)
        {
            var (exit, output) = await ExternalTool.RunAsync("xmllint", "libxml2-utils", "--noout", "--nonet", "--schema", schema, run.PathOf(file));
            Assert.True(exit == 0, $"{file.Event}: xmllint said {output}");
        }
    }

    [Fact]
    public async Task Every_evidence_signature_verifies_with_xmlsec1_against_the_development_root()
    {
        foreach (var file in run.Evidence)
        {
            var (exit, output) = await ExternalTool.RunAsync("xmlsec1", "xmlsec1", "--verify",
                "--trusted-pem", run.Provider.RootCertificatePath,
                "--id-attr:Id", XadesNamespace + ":SignedProperties",
                run.PathOf(file));
            Assert.True(exit == 0, $"{file.Event}: xmlsec1 said {output}");
            Assert.Contains("SignedInfo References (ok/all): 2/2", output);
        }
    }

    [Fact]
    public async Task Every_evidence_timestamp_verifies_with_openssl_ts()
    {
        var tsa = Path.Combine(run.Provider.DataDirectory, "pki", "tsa.pem");
        foreach (var file in run.Evidence)
        {
            var (token, imprint) = TimestampOf(file.Xml);
            var tokenPath = run.PathOf(file) + ".tst";
            await File.WriteAllBytesAsync(tokenPath, token);
            var (exit, output) = await ExternalTool.RunAsync("openssl", "openssl", "ts", "-verify", "-in", tokenPath, "-token_in",
                "-digest", Convert.ToHexStringLower(imprint), "-CAfile", run.Provider.RootCertificatePath, "-untrusted", tsa);
            Assert.True(exit == 0 && output.Contains("Verification: OK"), $"{file.Event}: openssl said {output}");
        }
    }

    [Fact]
    public async Task xmlsec1_rejects_an_evidence_with_one_changed_byte()
    {
        var file = run.Evidence.First(e => e.Event == "ContentHandover");
        var text = Encoding.UTF8.GetString(file.Xml);
        var tampered = run.PathOf(file) + ".tampered.xml";
        await File.WriteAllTextAsync(tampered, text.Replace("ContentHandover</erds:ERDSEventId>", "ContentHandovex</erds:ERDSEventId>"));
        var (exit, _) = await ExternalTool.RunAsync("xmlsec1", "xmlsec1", "--verify", "--trusted-pem", run.Provider.RootCertificatePath,
            "--id-attr:Id", XadesNamespace + ":SignedProperties", tampered);
        Assert.NotEqual(0, exit);
    }

    // The token and what it must cover: SHA-256 of the exclusive canonical form of ds:SignatureValue.
    private static (byte[] Token, byte[] Imprint) TimestampOf(byte[] xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        document.Load(new MemoryStream(xml));
        var names = new XmlNamespaceManager(document.NameTable);
        names.AddNamespace("ds", SignedXml.XmlDsigNamespaceUrl);
        names.AddNamespace("xades", XadesNamespace);
        var token = Convert.FromBase64String(document.SelectSingleNode("//xades:EncapsulatedTimeStamp", names)!.InnerText);
        var signatureValue = (XmlElement)document.SelectSingleNode("//ds:SignatureValue", names)!;
        var transform = new XmlDsigExcC14NTransform();
        var nodes = new XmlDocument { PreserveWhitespace = true };
        nodes.AppendChild(nodes.ImportNode(signatureValue, true));
        transform.LoadInput(nodes);
        var canonical = (Stream)transform.GetOutput(typeof(Stream));
        return (token, SHA256.HashData(canonical));
    }
}
