using System.Xml;
using Erds.Evidence.Signing;

namespace Erds.Evidence.Verification;

/// <summary>Document-level rules against signature wrapping: where the one signature must be, and unique Ids.</summary>
internal static class SignatureLocator
{
    private static readonly string[] IdAttributeNames = ["Id", "ID", "id"];

    public static XmlElement Locate(XmlDocument document)
    {
        var root = document.DocumentElement ?? throw new StructureException("the document has no document element");
        if (!document.PreserveWhitespace)
            throw new StructureException("the document was not loaded with PreserveWhitespace = true, so its whitespace (signed content) is lost");
        if (document.DocumentType is not null)
            throw new StructureException("the document has a DOCTYPE, which could declare Id attributes or defaults");
        var signatures = document.GetElementsByTagName("Signature", XadesNames.DsNamespace);
        if (signatures.Count != 1)
            throw new StructureException($"expected exactly one ds:Signature in the document, found {signatures.Count}");
        var signature = (XmlElement)signatures[0]!;
        if (signature.ParentNode != root)
            throw new StructureException($"ds:Signature must be a child of the document element {StrictXml.Name(root)}, found under {signature.ParentNode?.Name}");
        if (LastElementChild(root) != signature)
            throw new StructureException($"ds:Signature must be the last element child of {StrictXml.Name(root)}");
        RejectDuplicateIds(root);
        return signature;
    }

    private static XmlElement? LastElementChild(XmlElement parent)
    {
        for (var node = parent.LastChild; node is not null; node = node.PreviousSibling)
        {
            if (node is XmlElement element)
                return element;
        }
        return null;
    }

    private static void RejectDuplicateIds(XmlElement root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in root.SelectNodes("descendant-or-self::*")!.Cast<XmlElement>())
        {
            foreach (XmlAttribute attribute in element.Attributes)
            {
                var isId = (attribute.NamespaceURI.Length == 0 && IdAttributeNames.Contains(attribute.LocalName))
                    || (attribute.Prefix == "xml" && attribute.LocalName == "id");
                if (isId && !seen.Add(attribute.Value))
                    throw new StructureException($"duplicate Id '{attribute.Value}' (on {StrictXml.Name(element)}); a reference could resolve to either element");
            }
        }
    }
}
