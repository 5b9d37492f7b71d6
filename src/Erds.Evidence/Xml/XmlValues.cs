using System.Xml;

namespace Erds.Evidence.Xml;

/// <summary>Reads the simple content of elements as the schema types them.</summary>
internal static class XmlValues
{
    private static readonly char[] XmlWhitespace = [' ', '\t', '\r', '\n'];

    /// <summary>xs:string: the text exactly, whitespace included.</summary>
    public static string Text(XmlElement element)
    {
        foreach (XmlNode child in element.ChildNodes)
        {
            if (child.NodeType is XmlNodeType.Element)
            {
                throw new EvidenceFormatException($"{ElementCursor.Describe(element)} must hold text, not {ElementCursor.Describe((XmlElement)child)}.");
            }
        }

        return element.InnerText;
    }

    /// <summary>Types whose whitespace facet is "collapse" (xs:anyURI, xs:dateTime, xs:integer, xs:base64Binary).</summary>
    public static string Token(XmlElement element) => Text(element).Trim(XmlWhitespace);

    public static int Integer(XmlElement element)
    {
        var text = Token(element);
        try
        {
            return XmlConvert.ToInt32(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new EvidenceFormatException($"{ElementCursor.Describe(element)} holds '{text}', not an integer this reader supports.", ex);
        }
    }

    public static byte[] Base64(XmlElement element)
    {
        try
        {
            return Convert.FromBase64String(Token(element));
        }
        catch (FormatException ex)
        {
            throw new EvidenceFormatException($"{ElementCursor.Describe(element)} is not valid base64.", ex);
        }
    }

    public static DateTimeOffset DateTime(XmlElement element) => EvidenceDateTime.Parse(Token(element), element.LocalName);

    public static string RequiredAttribute(XmlElement element, string name) =>
        element.GetAttributeNode(name)?.Value
        ?? throw new EvidenceFormatException($"{ElementCursor.Describe(element)} lacks the attribute '{name}'.");
}
