using System.Xml;
using Erds.Evidence.Tests.TestSupport;
using Xunit;

namespace Erds.Evidence.Tests.Signing;

/// <summary>Signatures rearranged so a lax verifier would check one thing and show another.</summary>
public sealed class SignatureWrappingTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public async Task Original_content_moved_into_a_ds_object_under_forged_content_is_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var root = signed.DocumentElement!;
        var signature = Tamper.Single(signed, Tamper.Ds, "Signature");
        var hiding = signed.CreateElement("ds", "Object", Tamper.Ds);
        foreach (var node in root.ChildNodes.Cast<XmlNode>().Where(n => n != signature).ToList())
            hiding.AppendChild(node);
        signature.AppendChild(hiding);
        var forged = signed.CreateElement("e", "EvidenceIdentifier", SampleEvidence.Namespace);
        forged.InnerText = "forged";
        root.InsertBefore(forged, signature);

        Assert.Contains("ds:Object, ds:Object", VerificationAssert.StructureFailure(pki.Verify(SampleEvidence.RoundTrip(signed))));
    }

    [Fact]
    public async Task Duplicate_id_of_the_signed_properties_is_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var signedProperties = Tamper.Single(signed, Tamper.Xades, "SignedProperties");
        var decoy = (XmlElement)signedProperties.CloneNode(deep: true);
        signed.DocumentElement!.InsertBefore(decoy, Tamper.Single(signed, Tamper.Ds, "Signature"));

        Assert.Contains("duplicate Id", VerificationAssert.StructureFailure(pki.Verify(SampleEvidence.RoundTrip(signed))));
    }

    [Fact]
    public async Task Second_ds_signature_is_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var signature = Tamper.Single(signed, Tamper.Ds, "Signature");
        var copy = (XmlElement)signature.CloneNode(deep: true);
        copy.SetAttribute("Id", "sig-copy");
        signed.DocumentElement!.InsertBefore(copy, signature);

        Assert.Contains("found 2", VerificationAssert.StructureFailure(pki.Verify(SampleEvidence.RoundTrip(signed))));
    }

    [Fact]
    public async Task Signature_that_is_not_the_last_element_is_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        signed.DocumentElement!.AppendChild(signed.CreateElement("e", "Extensions", SampleEvidence.Namespace));

        Assert.Contains("last element child", VerificationAssert.StructureFailure(pki.Verify(SampleEvidence.RoundTrip(signed))));
    }

    [Fact]
    public async Task Signature_nested_below_the_document_element_is_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var signature = Tamper.Single(signed, Tamper.Ds, "Signature");
        var wrapper = signed.CreateElement("e", "Extensions", SampleEvidence.Namespace);
        signed.DocumentElement!.ReplaceChild(wrapper, signature);
        wrapper.AppendChild(signature);

        Assert.Contains("must be a child of the document element", VerificationAssert.StructureFailure(pki.Verify(SampleEvidence.RoundTrip(signed))));
    }

    [Fact]
    public async Task Signed_properties_reference_to_an_element_outside_the_signature_is_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var reference = signed.GetElementsByTagName("Reference", Tamper.Ds).Cast<XmlElement>().Single(r => r.HasAttribute("Type"));
        Tamper.Single(signed, Tamper.Xades, "SignedProperties").SetAttribute("Id", "props-inside");
        ((XmlElement)signed.DocumentElement!.FirstChild!.NextSibling!).SetAttribute("Id", "props-outside");
        reference.SetAttribute("URI", "#props-outside");

        Assert.Contains("does not point at the xades:SignedProperties", VerificationAssert.StructureFailure(pki.Verify(SampleEvidence.RoundTrip(signed))));
    }

    [Fact]
    public async Task Content_reference_to_a_fragment_instead_of_the_whole_document_is_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        var reference = signed.GetElementsByTagName("Reference", Tamper.Ds).Cast<XmlElement>().Single(r => !r.HasAttribute("Type"));
        reference.SetAttribute("URI", "#fragment");

        Assert.Contains("URI=\"\"", VerificationAssert.StructureFailure(pki.Verify(SampleEvidence.RoundTrip(signed))));
    }

    [Fact]
    public async Task Qualifying_properties_targeting_another_signature_are_rejected()
    {
        var signed = await SignedSample.CreateAsync(pki);
        Tamper.Single(signed, Tamper.Xades, "QualifyingProperties").SetAttribute("Target", "#sig-other");

        Assert.Contains("Target", VerificationAssert.StructureFailure(pki.Verify(SampleEvidence.RoundTrip(signed))));
    }
}
