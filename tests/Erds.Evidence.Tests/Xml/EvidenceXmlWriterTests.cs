using System.Xml;
using Erds.Evidence.Model;
using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

public sealed class EvidenceXmlWriterTests
{
    private static readonly XmlNamespaceManager Names = CreateNames();

    [Fact]
    public void Writer_puts_the_components_in_schema_order()
    {
        var root = EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.ContentHandoverFailure)).DocumentElement!;

        string[] expected =
        [
            "EvidenceIdentifier", "ERDSEventId", "EventReasons", "EventTime", "EvidenceIssuerPolicyID", "EvidenceIssuerDetails",
            "SenderDetails", "SenderDelegateDetails", "RecipientDetails", "RecipientDetails", "SubmissionTime",
            "EvidenceRefersToRecipient", "MessageIdentifier", "UserContentInfo",
        ];
        Assert.Equal(expected, root.ChildNodes.Cast<XmlNode>().Select(n => n.LocalName));
    }

    [Fact]
    public void Writer_puts_global_elements_in_the_ETSI_namespace_and_local_ones_in_no_namespace()
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.ContentHandover));

        Assert.NotNull(document.SelectSingleNode("/erds:Evidence/erds:EvidenceIdentifier", Names));
        Assert.NotNull(document.SelectSingleNode("/erds:Evidence/EventTime", Names));
        Assert.NotNull(document.SelectSingleNode("/erds:Evidence/erds:SenderDetails/erds:Identity/saml:Attribute[@Name='LegalName']/saml:AttributeValue", Names));
        Assert.NotNull(document.SelectSingleNode("/erds:Evidence/erds:SenderDetails/Identifier[@IdentifierSchemeName='mailto']", Names));
        Assert.NotNull(document.SelectSingleNode("/erds:Evidence/erds:SenderDetails/AssuranceLevelsDetails/erds:AuthenticationDetails/AuthenticationMethod", Names));
        Assert.NotNull(document.SelectSingleNode("/erds:Evidence/erds:UserContentInfo/erds:PartsInfo/erds:PartInfo/ds:DigestValue", Names));
    }

    [Fact]
    public void Writer_uses_the_erds_saml_and_ds_prefixes()
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.ContentHandover));

        Assert.Equal("erds:Evidence", document.DocumentElement!.Name);
        Assert.Equal("saml:Attribute", document.SelectSingleNode("//saml:Attribute", Names)!.Name);
        Assert.Equal("ds:DigestMethod", document.SelectSingleNode("//ds:DigestMethod", Names)!.Name);
    }

    [Fact]
    public void Writer_declares_ds_only_when_content_parts_need_it()
    {
        var root = EvidenceXmlWriter.Write(EvidenceSamples.Minimal()).DocumentElement!;

        Assert.True(root.HasAttribute("xmlns:erds"));
        Assert.True(root.HasAttribute("xmlns:saml"));
        Assert.False(root.HasAttribute("xmlns:ds"));
    }

    [Fact]
    public void Writer_sets_the_version_attribute_to_the_schema_version()
    {
        var root = EvidenceXmlWriter.Write(EvidenceSamples.Minimal()).DocumentElement!;

        Assert.Equal(EvidenceDocument.SchemaVersion, root.GetAttribute("version"));
    }

    [Fact]
    public void Writer_writes_the_event_uri()
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.RelayToNonERDS));

        Assert.Equal("http://uri.etsi.org/19522/Event/RelayToNonERDS", document.SelectSingleNode("//erds:ERDSEventId", Names)!.InnerText);
    }

    [Fact]
    public void Writer_writes_times_in_utc_with_milliseconds_and_Z()
    {
        var evidence = EvidenceSamples.Minimal() with { EventTime = new DateTimeOffset(2026, 3, 1, 0, 30, 5, 7, TimeSpan.FromHours(2)) };

        var document = EvidenceXmlWriter.Write(evidence);

        Assert.Equal("2026-02-28T22:30:05.007Z", document.SelectSingleNode("//EventTime")!.InnerText);
    }

    [Fact]
    public void Writer_truncates_times_below_a_millisecond()
    {
        var evidence = EvidenceSamples.Minimal() with { EventTime = EvidenceSamples.EventTime.AddTicks(9_999) };

        var document = EvidenceXmlWriter.Write(evidence);

        Assert.Equal("2026-11-22T10:15:30.123Z", document.SelectSingleNode("//EventTime")!.InnerText);
    }

    [Fact]
    public void Writer_produces_no_whitespace_text_nodes()
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.ContentConsignmentFailure));

        var whitespace = document.SelectNodes("//node()")!.Cast<XmlNode>()
            .Where(n => n.NodeType is XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace);
        Assert.Empty(whitespace);
    }

    [Fact]
    public void Writer_writes_the_count_of_parts_as_ComposingParts()
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.ContentHandover));

        Assert.Equal("3", document.SelectSingleNode("//erds:UserContentInfo/ComposingParts", Names)!.InnerText);
    }

    [Fact]
    public void Writer_writes_part_digests_in_base64_with_the_sha256_algorithm()
    {
        var part = EvidenceSamples.Part("body", "text/plain", "hello");
        var evidence = EvidenceSamples.Minimal() with { ContentParts = [part] };

        var partInfo = (XmlElement)EvidenceXmlWriter.Write(evidence).SelectSingleNode("//erds:PartInfo", Names)!;

        Assert.Equal("http://www.w3.org/2001/04/xmlenc#sha256", ((XmlElement)partInfo.SelectSingleNode("ds:DigestMethod", Names)!).GetAttribute("Algorithm"));
        Assert.Equal(Convert.ToBase64String(part.Sha256), partInfo.SelectSingleNode("ds:DigestValue", Names)!.InnerText);
    }

    [Fact]
    public void Writer_writes_the_seal_certificate_in_base64()
    {
        var evidence = EvidenceSamples.Full(EvidenceEvent.SubmissionAcceptance);

        var document = EvidenceXmlWriter.Write(evidence);

        Assert.Equal(Convert.ToBase64String(evidence.Issuer.SealCertificate!),
            document.SelectSingleNode("//erds:EvidenceIssuerDetails/erds:CertificateDetails/X509Certificate", Names)!.InnerText);
    }

    [Fact]
    public void Writer_omits_identity_of_a_party_without_attributes()
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Minimal());

        Assert.Null(document.SelectSingleNode("//erds:SenderDetails/erds:Identity", Names));
    }

    [Fact]
    public void Writer_omits_user_content_info_without_content_parts()
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Minimal());

        Assert.Null(document.SelectSingleNode("//erds:UserContentInfo", Names));
    }

    private static XmlNamespaceManager CreateNames()
    {
        var names = new XmlNamespaceManager(new NameTable());
        names.AddNamespace("erds", EvidenceXmlNamespaces.Etsi);
        names.AddNamespace("saml", EvidenceXmlNamespaces.Saml);
        names.AddNamespace("ds", EvidenceXmlNamespaces.XmlDsig);
        return names;
    }
}
