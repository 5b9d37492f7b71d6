using System.Xml;

namespace Erds.Evidence.Tests.TestSupport;

/// <summary>A small document in a custom namespace: the signer must not depend on the real evidence writer.</summary>
internal static class SampleEvidence
{
    public const string Namespace = "http://uri.etsi.org/19522/v1#";

    // Indentation, a default namespace, an attribute and a character reference all must survive signing byte for byte.
    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <e:Evidence xmlns:e="http://uri.etsi.org/19522/v1#" version="1">
          <e:EvidenceIdentifier>ev-42</e:EvidenceIdentifier>
          <e:ERDSEventId>http://uri.etsi.org/19522/Event/SubmissionAcceptance</e:ERDSEventId>
          <EventTime xmlns="http://uri.etsi.org/19522/v1#">2026-11-22T10:00:00Z</EventTime>
          <e:SenderDetails><e:Identifier IdentifierSchemeName="mailto">griffie@rechtspraak.example</e:Identifier></e:SenderDetails>
          <e:Note>Tom &amp; Jerry</e:Note>
        </e:Evidence>
        """;

    public static XmlDocument Load(string xml = Xml) => Load(System.Text.Encoding.UTF8.GetBytes(xml));

    public static XmlDocument Load(byte[] xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        document.Load(reader);
        return document;
    }

    /// <summary>Serializes as the service would store it, and reads it back as a verifier would.</summary>
    public static XmlDocument RoundTrip(XmlDocument document) => Load(Serialize(document));

    /// <summary>The bytes as stored: UTF-8, as the XML declaration says.</summary>
    public static byte[] Serialize(XmlDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
