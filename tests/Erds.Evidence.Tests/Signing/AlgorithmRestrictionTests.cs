using System.Xml;
using Erds.Evidence.Tests.TestSupport;
using Xunit;

namespace Erds.Evidence.Tests.Signing;

/// <summary>Only exclusive c14n, SHA-256, ECDSA-SHA256 and RSA-SHA256 are accepted, and only the two expected transforms.</summary>
public sealed class AlgorithmRestrictionTests(TestPki pki) : IClassFixture<TestPki>
{
    private static XmlElement ContentReference(XmlDocument document) =>
        document.GetElementsByTagName("Reference", Tamper.Ds).Cast<XmlElement>().Single(r => !r.HasAttribute("Type"));

    [Fact]
    public async Task Sha1_reference_digest_is_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        ((XmlElement)ContentReference(signed).GetElementsByTagName("DigestMethod", Tamper.Ds)[0]!)
            .SetAttribute("Algorithm", "http://www.w3.org/2000/09/xmldsig#sha1");

        Assert.Contains("xmldsig#sha1' is not accepted", VerificationAssert.StructureFailure(pki.Verify(signed)));
    }

    [Fact]
    public async Task Hmac_signature_method_is_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        Tamper.Single(signed, Tamper.Ds, "SignatureMethod").SetAttribute("Algorithm", "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256");

        Assert.Contains("hmac-sha256' is not accepted", VerificationAssert.StructureFailure(pki.Verify(signed)));
    }

    [Fact]
    public async Task Inclusive_canonicalization_is_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        ((XmlElement)Tamper.Single(signed, Tamper.Ds, "SignedInfo").FirstChild!).SetAttribute("Algorithm", "http://www.w3.org/TR/2001/REC-xml-c14n-20010315");

        Assert.Contains("REC-xml-c14n-20010315' is not accepted", VerificationAssert.StructureFailure(pki.Verify(signed)));
    }

    [Fact]
    public async Task Extra_transform_on_the_content_reference_is_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var transforms = (XmlElement)ContentReference(signed).GetElementsByTagName("Transforms", Tamper.Ds)[0]!;
        var xpath = signed.CreateElement("ds", "Transform", Tamper.Ds);
        xpath.SetAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xpath-19991116");
        transforms.AppendChild(xpath);

        Assert.Contains("exactly the transforms", VerificationAssert.StructureFailure(pki.Verify(signed)));
    }

    [Fact]
    public async Task Exclusive_canonicalization_with_an_inclusive_prefix_list_is_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var transform = (XmlElement)ContentReference(signed).GetElementsByTagName("Transform", Tamper.Ds)[1]!;
        var prefixes = signed.CreateElement("ec", "InclusiveNamespaces", "http://www.w3.org/2001/10/xml-exc-c14n#");
        prefixes.SetAttribute("PrefixList", "e");
        transform.AppendChild(prefixes);

        Assert.Contains("must have no parameters", VerificationAssert.StructureFailure(pki.Verify(signed)));
    }
}
