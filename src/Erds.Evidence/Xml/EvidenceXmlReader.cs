using System.Xml;
using Erds.Evidence.Model;
using static Erds.Evidence.Xml.EvidenceXmlNamespaces;

namespace Erds.Evidence.Xml;

/// <summary>Reads an ETSI EN 319 522-3 <c>erds:Evidence</c> document back into an <see cref="EvidenceDocument"/>.</summary>
public static class EvidenceXmlReader
{
    /// <summary>
    /// Reads the document element <c>erds:Evidence</c> of <paramref name="document"/>, strictly: elements must
    /// be in schema order and namespace, the event must be one of EN 319 522-1, and elements the model
    /// cannot hold (<c>RecipientsDelegateDetails</c>, <c>Extensions</c>, <c>CertID</c>, ...) are refused rather
    /// than dropped. A trailing <c>ds:Signature</c> is passed over; verifying it is not this reader's job.
    /// </summary>
    /// <remarks>
    /// The result satisfies the same rules <see cref="EvidenceXmlWriter.Write"/> enforces, so it can be written
    /// again. Text is taken exactly (whitespace included) for string values and whitespace-collapsed for URIs,
    /// numbers, date-times and base64. Date-times must state their time zone; they are returned in UTC.
    /// Load untrusted bytes with <see cref="SafeXml.Load(byte[], int)"/> first.
    /// </remarks>
    /// <exception cref="EvidenceFormatException">The document is not evidence this reader can represent.</exception>
    public static EvidenceDocument Read(XmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.DocumentElement ?? throw new EvidenceFormatException("The document has no document element.");
        if (root.LocalName != "Evidence" || root.NamespaceURI != Etsi)
        {
            throw new EvidenceFormatException($"The document element is {ElementCursor.Describe(root)}, not {ElementCursor.Describe("Evidence", Etsi)}.");
        }

        var version = XmlValues.RequiredAttribute(root, "version");
        if (version != EvidenceDocument.SchemaVersion)
        {
            throw new EvidenceFormatException($"The evidence has schema version '{version}'; this reader supports '{EvidenceDocument.SchemaVersion}'.");
        }

        var evidence = ReadComponents(new ElementCursor(root));
        return EvidenceGuards.FirstViolation(evidence) is { } violation
            ? throw new EvidenceFormatException($"The evidence breaks a rule of EN 319 522: {violation}")
            : evidence;
    }

    private static EvidenceDocument ReadComponents(ElementCursor cursor)
    {
        var evidence = new EvidenceDocument
        {
            EvidenceIdentifier = XmlValues.Text(cursor.Required("EvidenceIdentifier", Etsi)),
            Event = ReadEvent(cursor.Required("ERDSEventId", Etsi)),
            Reasons = cursor.Optional("EventReasons", Etsi) is { } reasons ? ReadReasons(reasons) : [],
            EventTime = XmlValues.DateTime(cursor.Required("EventTime")),
            IssuerPolicyIds = cursor.Optional("EvidenceIssuerPolicyID", Etsi) is { } policies ? ReadPolicies(policies) : [],
            Issuer = ReadIssuer(cursor.Required("EvidenceIssuerDetails", Etsi)),
            Sender = PartyXmlReader.ReadUserDetails(cursor.Required("SenderDetails", Etsi)),
            SenderDelegate = cursor.Optional("SenderDelegateDetails", Etsi) is { } senderDelegate ? PartyXmlReader.ReadUserDetails(senderDelegate) : null,
            Recipients = cursor.OneOrMore("RecipientDetails", Etsi).Select(PartyXmlReader.ReadUserDetails).ToList(),
            SubmissionTime = cursor.Optional("SubmissionTime", Etsi) is { } submissionTime ? XmlValues.DateTime(submissionTime) : null,
            RefersToRecipient = cursor.Optional("EvidenceRefersToRecipient") is { } refersTo ? XmlValues.Integer(refersTo) : null,
            MessageIdentifier = cursor.Optional("MessageIdentifier", Etsi) is { } messageIdentifier ? XmlValues.Text(messageIdentifier) : null,
        };

        if (cursor.Optional("UserContentInfo", Etsi) is { } content)
        {
            var (appLayerIdentifier, parts) = ContentXmlReader.Read(content);
            evidence = evidence with { AppLayerIdentifier = appLayerIdentifier, ContentParts = parts };
        }

        // The seal: the signer adds it after writing and the verifier checks it; it is not evidence content.
        cursor.Optional("Signature", XmlDsig);
        cursor.End();
        return evidence;
    }

    private static EvidenceEvent ReadEvent(XmlElement element)
    {
        var uri = XmlValues.Token(element);
        // TryParse also accepts a bare name, which is not a valid ERDSEventId.
        return EvidenceEvent.TryParse(uri, out var evidenceEvent) && evidenceEvent.Uri == uri
            ? evidenceEvent
            : throw new EvidenceFormatException($"ERDSEventId '{uri}' is not an event URI of ETSI EN 319 522-1.");
    }

    private static List<EventReason> ReadReasons(XmlElement reasons)
    {
        var cursor = new ElementCursor(reasons);
        var list = cursor.OneOrMore("EventReason", Etsi).Select(ReadReason).ToList();
        cursor.End();
        return list;
    }

    private static EventReason ReadReason(XmlElement reason)
    {
        var cursor = new ElementCursor(reason);
        var code = XmlValues.Token(cursor.Required("Code"));
        var details = cursor.Optional("Details") is { } detailsElement ? XmlValues.Text(detailsElement) : null;
        cursor.End();
        return new EventReason(code, details);
    }

    private static List<string> ReadPolicies(XmlElement policies)
    {
        var cursor = new ElementCursor(policies);
        var ids = cursor.OneOrMore("PolicyID").Select(XmlValues.Token).ToList();
        cursor.End();
        return ids;
    }

    private static IssuerDetails ReadIssuer(XmlElement issuer)
    {
        var cursor = new ElementCursor(issuer);
        var identity = PartyXmlReader.ReadIdentity(cursor.Required("Identity", Etsi));
        if (identity is not [{ Name: "LegalName" } legalName])
        {
            throw new EvidenceFormatException("The issuer's Identity must hold exactly one saml:Attribute, named LegalName.");
        }

        byte[]? certificate = null;
        if (cursor.Optional("CertificateDetails", Etsi) is { } certificateDetails)
        {
            var certificateCursor = new ElementCursor(certificateDetails);
            certificate = XmlValues.Base64(certificateCursor.Required("X509Certificate"));
            certificateCursor.End();
        }

        cursor.End();
        return new IssuerDetails(legalName.Value, certificate);
    }
}
