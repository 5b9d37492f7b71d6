using System.Globalization;
using System.Xml;
using Erds.Evidence.Model;
using static Erds.Evidence.Xml.EvidenceXmlNamespaces;

namespace Erds.Evidence.Xml;

/// <summary>Writes an <see cref="EvidenceDocument"/> as an ETSI EN 319 522-3 <c>erds:Evidence</c> element.</summary>
public static class EvidenceXmlWriter
{
    /// <summary>
    /// Writes <paramref name="evidence"/> in schema order, ready to be validated and sealed.
    /// </summary>
    /// <remarks>
    /// The document is compact: it has no whitespace text nodes, and its
    /// <see cref="XmlDocument.PreserveWhitespace"/> is true so that saving it never indents it. The prefixes
    /// <c>erds</c> and <c>saml</c> are declared on the root, and <c>ds</c> too when content parts carry
    /// digests. Date-times are written in UTC with millisecond precision (<see cref="EvidenceXml.DateTimeFormat"/>);
    /// finer precision is truncated. Serialize with <see cref="EvidenceXml.ToBytes"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The evidence breaks a rule: a negative event without reasons, no recipient, <c>RefersToRecipient</c>
    /// outside 1..<c>Recipients.Count</c>, a digest that is not 32 bytes, an <c>AppLayerIdentifier</c>
    /// without content parts, an empty identifier, or text with characters XML cannot carry.
    /// </exception>
    public static XmlDocument Write(EvidenceDocument evidence)
    {
        EvidenceGuards.Check(evidence);
        var xml = new EvidenceXmlBuilder();
        var root = xml.Etsi(xml.Document, "Evidence");
        EvidenceXmlBuilder.Declare(root, EtsiPrefix, Etsi);
        EvidenceXmlBuilder.Declare(root, SamlPrefix, Saml);
        if (evidence.ContentParts.Count > 0) EvidenceXmlBuilder.Declare(root, XmlDsigPrefix, XmlDsig);
        EvidenceXmlBuilder.SetAttribute(root, "version", EvidenceDocument.SchemaVersion);

        xml.Etsi(root, "EvidenceIdentifier", evidence.EvidenceIdentifier);
        xml.Etsi(root, "ERDSEventId", evidence.Event.Uri);
        WriteReasons(xml, root, evidence.Reasons);
        xml.Local(root, "EventTime", EvidenceDateTime.Format(evidence.EventTime));
        WritePolicies(xml, root, evidence.IssuerPolicyIds);
        WriteIssuer(xml, root, evidence.Issuer);
        PartyXmlWriter.WriteUserDetails(xml, root, "SenderDetails", evidence.Sender);
        if (evidence.SenderDelegate is not null) PartyXmlWriter.WriteUserDetails(xml, root, "SenderDelegateDetails", evidence.SenderDelegate);
        foreach (var recipient in evidence.Recipients)
        {
            PartyXmlWriter.WriteUserDetails(xml, root, "RecipientDetails", recipient);
        }

        if (evidence.SubmissionTime is { } submissionTime) xml.Etsi(root, "SubmissionTime", EvidenceDateTime.Format(submissionTime));
        if (evidence.RefersToRecipient is { } position)
        {
            xml.Local(root, "EvidenceRefersToRecipient", position.ToString(CultureInfo.InvariantCulture));
        }

        if (evidence.MessageIdentifier is not null) xml.Etsi(root, "MessageIdentifier", evidence.MessageIdentifier);
        WriteContent(xml, root, evidence);
        return xml.Document;
    }

    private static void WriteReasons(EvidenceXmlBuilder xml, XmlElement root, IReadOnlyList<EventReason> reasons)
    {
        if (reasons.Count == 0) return;
        var list = xml.Etsi(root, "EventReasons");
        foreach (var reason in reasons)
        {
            var element = xml.Etsi(list, "EventReason");
            xml.Local(element, "Code", reason.Code);
            if (reason.Details is not null) xml.Local(element, "Details", reason.Details);
        }
    }

    private static void WritePolicies(EvidenceXmlBuilder xml, XmlElement root, IReadOnlyList<string> policyIds)
    {
        if (policyIds.Count == 0) return;
        var policies = xml.Etsi(root, "EvidenceIssuerPolicyID");
        foreach (var policyId in policyIds)
        {
            xml.Local(policies, "PolicyID", policyId);
        }
    }

    private static void WriteIssuer(EvidenceXmlBuilder xml, XmlElement root, IssuerDetails issuer)
    {
        var details = xml.Etsi(root, "EvidenceIssuerDetails");
        PartyXmlWriter.WriteIdentity(xml, details, [IdentityAttribute.LegalName(issuer.LegalName)]);
        if (issuer.SealCertificate is not null)
        {
            xml.Local(xml.Etsi(details, "CertificateDetails"), "X509Certificate", Convert.ToBase64String(issuer.SealCertificate));
        }
    }

    private static void WriteContent(EvidenceXmlBuilder xml, XmlElement root, EvidenceDocument evidence)
    {
        if (evidence.ContentParts.Count == 0) return;
        var info = xml.Etsi(root, "UserContentInfo");
        if (evidence.AppLayerIdentifier is not null) xml.Local(info, "AppLayerIdentifier", evidence.AppLayerIdentifier);
        xml.Local(info, "ComposingParts", evidence.ContentParts.Count.ToString(CultureInfo.InvariantCulture));
        var parts = xml.Etsi(info, "PartsInfo");
        foreach (var part in evidence.ContentParts)
        {
            var partInfo = xml.Etsi(parts, "PartInfo");
            xml.Local(partInfo, "Identifier", part.Identifier);
            xml.Local(partInfo, "ContentType", part.ContentType);
            EvidenceXmlBuilder.SetAttribute(xml.Dsig(partInfo, "DigestMethod"), "Algorithm", ContentPart.DigestMethod);
            xml.Dsig(partInfo, "DigestValue", Convert.ToBase64String(part.Sha256));
        }
    }
}
