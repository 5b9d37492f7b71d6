using System.Security.Cryptography.Xml;
using System.Xml;

namespace Erds.Evidence.Signing;

/// <summary>
/// Exclusive XML canonicalization without comments (http://www.w3.org/2001/10/xml-exc-c14n#), the only
/// canonicalization this profile uses. Signer and verifier both come through here, so they cannot disagree.
/// </summary>
internal static class ExcC14N
{
    /// <summary>Canonical form of one element as it sits in its document (the input of a same-document reference).</summary>
    public static byte[] Element(XmlElement element)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        var copy = (XmlElement)document.ImportNode(element, deep: true);
        document.AppendChild(copy);
        // Exclusive c14n renders only the prefixes the subtree uses, but their declarations may sit on
        // ancestors that the copy lost; re-declare every in-scope one, the unused ones are dropped anyway.
        foreach (var (name, uri) in InheritedNamespaceDeclarations(element))
        {
            if (copy.GetAttributeNode(name) is null)
            {
                var declaration = document.CreateAttribute(name, XadesNames.XmlnsNamespace);
                declaration.Value = uri;
                copy.SetAttributeNode(declaration);
            }
        }
        return Transform(document);
    }

    /// <summary>
    /// Canonical form of the whole document without <paramref name="excluded"/>: the input of a
    /// <c>URI=""</c> reference after the enveloped-signature transform. The document is re-read from its
    /// serialized form so that a programmatically built DOM is digested exactly as it will be written.
    /// </summary>
    public static byte[] DocumentWithout(XmlDocument document, XmlElement? excluded)
    {
        var copy = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using (var reader = XmlReader.Create(new StringReader(Serialize(document, excluded)), settings))
            copy.Load(reader);
        return Transform(copy);
    }

    private static string Serialize(XmlDocument document, XmlElement? excluded)
    {
        if (excluded is null)
            return document.OuterXml;
        var clone = (XmlDocument)document.CloneNode(deep: true);
        var twin = NodePath.Resolve(clone, NodePath.Of(excluded));
        twin.ParentNode!.RemoveChild(twin);
        return clone.OuterXml;
    }

    private static byte[] Transform(XmlDocument document)
    {
        var transform = new XmlDsigExcC14NTransform(includeComments: false);
        transform.LoadInput(document);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var buffer = new MemoryStream();
        output.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static IEnumerable<(string Name, string Uri)> InheritedNamespaceDeclarations(XmlElement element)
    {
        var seen = new HashSet<string>();
        for (var ancestor = element.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attribute in ancestor.Attributes)
            {
                if (attribute.NamespaceURI == XadesNames.XmlnsNamespace && seen.Add(attribute.Name))
                    yield return (attribute.Name, attribute.Value);
            }
        }
    }
}
