using System.Xml;
using Erds.Evidence.Signing;

namespace Erds.Evidence.Verification;

/// <summary>Reading helpers that reject anything the profile does not allow, instead of skipping over it.</summary>
internal static class StrictXml
{
    public static string Name(XmlElement element) => element.NamespaceURI switch
    {
        XadesNames.DsNamespace => $"ds:{element.LocalName}",
        XadesNames.XadesNamespace => $"xades:{element.LocalName}",
        "" => element.LocalName,
        _ => $"{{{element.NamespaceURI}}}{element.LocalName}",
    };

    /// <summary>The element children; text other than whitespace, comments and processing instructions are refused.</summary>
    public static List<XmlElement> Children(XmlElement parent)
    {
        var children = new List<XmlElement>();
        foreach (XmlNode node in parent.ChildNodes)
        {
            switch (node)
            {
                case XmlElement element:
                    children.Add(element);
                    break;
                case XmlWhitespace or XmlSignificantWhitespace:
                    break;
                default:
                    throw new StructureException($"{Name(parent)} contains unexpected {node.NodeType} content");
            }
        }
        return children;
    }

    /// <summary>The children, which must be exactly <paramref name="expected"/> (names like "ds:SignedInfo"), in order.</summary>
    public static List<XmlElement> Exactly(XmlElement parent, params string[] expected)
    {
        var children = Children(parent);
        var actual = children.Select(Name).ToList();
        if (!actual.SequenceEqual(expected))
            throw new StructureException($"{Name(parent)} must contain [{string.Join(", ", expected)}], found [{Few(actual)}]");
        return children;
    }

    /// <summary>The first names of a list, so that a message about a hostile document stays a line, not megabytes.</summary>
    public static string Few(IReadOnlyList<string> names)
    {
        const int Shown = 8;
        return names.Count <= Shown
            ? string.Join(", ", names)
            : $"{string.Join(", ", names.Take(Shown))} and {names.Count - Shown} more";
    }

    public static string Text(XmlElement element)
    {
        foreach (XmlNode node in element.ChildNodes)
        {
            if (node is not (XmlText or XmlWhitespace or XmlSignificantWhitespace))
                throw new StructureException($"{Name(element)} must contain text only, found {node.NodeType}");
        }
        return element.InnerText;
    }

    public static byte[] Base64(XmlElement element)
    {
        try
        {
            return Convert.FromBase64String(Text(element));
        }
        catch (FormatException)
        {
            throw new StructureException($"{Name(element)} is not valid base64");
        }
    }

    public static string RequiredAttribute(XmlElement element, string name) =>
        element.GetAttributeNode(name)?.Value ?? throw new StructureException($"{Name(element)} has no {name} attribute");

    /// <summary>An empty algorithm element whose Algorithm is one of <paramref name="accepted"/>.</summary>
    public static string Algorithm(XmlElement element, params string[] accepted)
    {
        var algorithm = RequiredAttribute(element, "Algorithm");
        if (!accepted.Contains(algorithm, StringComparer.Ordinal))
            throw new StructureException($"{Name(element)} algorithm '{algorithm}' is not accepted (accepted: {string.Join(", ", accepted)})");
        if (Children(element).Count > 0 || element.InnerText.Trim().Length > 0)
            throw new StructureException($"{Name(element)} '{algorithm}' must have no parameters");
        return algorithm;
    }
}
