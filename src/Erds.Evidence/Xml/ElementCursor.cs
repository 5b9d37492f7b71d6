using System.Xml;

namespace Erds.Evidence.Xml;

/// <summary>
/// Walks the child elements of one element in document order, taking each expected element in turn, so
/// that reading enforces the schema's sequence and refuses anything it would otherwise skip silently.
/// Whitespace, comments and processing instructions between elements are passed over.
/// </summary>
internal sealed class ElementCursor
{
    private readonly XmlElement parent;
    private XmlElement? next;

    public ElementCursor(XmlElement parent)
    {
        this.parent = parent;
        next = NextElement(parent.FirstChild);
    }

    public XmlElement? Optional(string localName, string namespaceUri = "")
    {
        if (next is null || next.LocalName != localName || next.NamespaceURI != namespaceUri) return null;
        var taken = next;
        next = NextElement(taken.NextSibling);
        return taken;
    }

    public XmlElement Required(string localName, string namespaceUri = "") =>
        Optional(localName, namespaceUri) ?? throw new EvidenceFormatException(
            $"{Describe(parent)} lacks {Describe(localName, namespaceUri)}; found {(next is null ? "nothing" : Describe(next))} instead.");

    /// <summary>One or more consecutive elements of the same name.</summary>
    public List<XmlElement> OneOrMore(string localName, string namespaceUri = "")
    {
        List<XmlElement> elements = [Required(localName, namespaceUri)];
        while (Optional(localName, namespaceUri) is { } element) elements.Add(element);
        return elements;
    }

    /// <summary>Refuses whatever follows the elements taken: it is out of order or beyond what the model holds.</summary>
    public void End()
    {
        if (next is not null)
        {
            throw new EvidenceFormatException(
                $"{Describe(next)} is not expected at this place in {Describe(parent)}: it is out of schema order or not supported by this reader.");
        }
    }

    public static string Describe(XmlElement element) => Describe(element.LocalName, element.NamespaceURI);

    public static string Describe(string localName, string namespaceUri) =>
        namespaceUri.Length == 0 ? $"'{localName}' (no namespace)" : $"'{localName}' in namespace '{namespaceUri}'";

    private XmlElement? NextElement(XmlNode? node)
    {
        for (; node is not null; node = node.NextSibling)
        {
            switch (node.NodeType)
            {
                case XmlNodeType.Element:
                    return (XmlElement)node;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.Comment or XmlNodeType.ProcessingInstruction:
                    continue;
                default:
                    throw new EvidenceFormatException($"{Describe(parent)} has text where only elements are allowed.");
            }
        }

        return null;
    }
}
