using System.Xml;
using Erds.Evidence.Model;
using static Erds.Evidence.Xml.EvidenceXmlNamespaces;

namespace Erds.Evidence.Xml;

/// <summary>Reads <c>UserContentInfo</c>: the application-layer identifier and the parts with their digests.</summary>
internal static class ContentXmlReader
{
    public static (string? AppLayerIdentifier, List<ContentPart> Parts) Read(XmlElement content)
    {
        var cursor = new ElementCursor(content);
        var appLayerIdentifier = cursor.Optional("AppLayerIdentifier") is { } app ? XmlValues.Text(app) : null;
        var composingParts = cursor.Optional("ComposingParts") is { } count ? XmlValues.Integer(count) : (int?)null;
        var partsInfo = cursor.Required("PartsInfo", Etsi);
        cursor.End();

        var partsCursor = new ElementCursor(partsInfo);
        var parts = partsCursor.OneOrMore("PartInfo", Etsi).Select(ReadPart).ToList();
        partsCursor.End();

        if (composingParts is { } declared && declared != parts.Count)
        {
            throw new EvidenceFormatException($"ComposingParts says {declared} part(s) but PartsInfo lists {parts.Count}.");
        }

        return (appLayerIdentifier, parts);
    }

    private static ContentPart ReadPart(XmlElement part)
    {
        var cursor = new ElementCursor(part);
        var identifier = XmlValues.Text(cursor.Required("Identifier"));
        var contentType = XmlValues.Text(cursor.Required("ContentType"));
        var digestMethod = cursor.Required("DigestMethod", XmlDsig);
        var digestValue = cursor.Required("DigestValue", XmlDsig);
        cursor.End();

        var algorithm = XmlValues.RequiredAttribute(digestMethod, "Algorithm");
        if (algorithm != ContentPart.DigestMethod)
        {
            throw new EvidenceFormatException($"Part '{identifier}' is digested with '{algorithm}'; only '{ContentPart.DigestMethod}' is supported.");
        }

        new ElementCursor(digestMethod).End();
        return new ContentPart(identifier, contentType, XmlValues.Base64(digestValue));
    }
}
