using System.Text;
using System.Xml;

namespace Erds.Evidence.Xml;

/// <summary>Serialization rules shared by everything that writes evidence XML.</summary>
public static class EvidenceXml
{
    /// <summary>
    /// The one format of every date-time written (<c>EventTime</c>, <c>SubmissionTime</c>,
    /// <c>AuthenticationTime</c>): UTC with millisecond precision, e.g. <c>2026-11-22T10:00:00.000Z</c>.
    /// Finer precision is truncated.
    /// </summary>
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // Written by hand: XmlWriter would spell the encoding "utf-8", unlike the ETSI examples.
    private static readonly byte[] Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"u8.ToArray();

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        // Entitize keeps carriage returns and attribute line breaks as character references, so a
        // parser reads back exactly the characters that were signed instead of normalising them.
        NewLineHandling = NewLineHandling.Entitize,
        OmitXmlDeclaration = true,
        CheckCharacters = true,
    };

    /// <summary>
    /// Serializes <paramref name="document"/> to UTF-8 bytes without a byte order mark, exactly as it is:
    /// no indentation is added and whitespace nodes are neither added nor removed, so a signature computed
    /// over the document still verifies over the bytes. The bytes start with
    /// <c>&lt;?xml version="1.0" encoding="UTF-8"?&gt;</c>; any declaration in the document is replaced by it.
    /// </summary>
    public static byte[] ToBytes(XmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        stream.Write(Declaration);
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            foreach (XmlNode node in document.ChildNodes)
            {
                if (node is not XmlDeclaration) node.WriteTo(writer);
            }
        }

        return stream.ToArray();
    }
}
