using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;
using Erds.Evidence.Xml;

namespace Erds.Evidence.Signing;

/// <summary>
/// Exclusive XML canonicalization without comments (http://www.w3.org/2001/10/xml-exc-c14n#), the only
/// canonicalization this profile uses. Signer and verifier both come through here, so they cannot disagree.
/// </summary>
/// <remarks>
/// The input is first written as evidence is stored (<see cref="EvidenceXml"/>: carriage returns and
/// attribute line breaks as character references) and the canonicalizer reads those bytes, so what is
/// digested is what any verifier reads from the stored bytes, and no copy of the DOM is made for it.
/// Writing also makes a lone element self-contained: the writer declares every prefix the element and
/// its descendants use, wherever in the document it was declared. Exclusive canonicalization renders
/// exactly those (the visibly utilized ones), and where a declaration sits does not change its output.
/// </remarks>
internal static class ExcC14N
{
    /// <summary>Canonical form of one element as it sits in its document (the input of a same-document reference).</summary>
    /// <exception cref="CryptographicException">The element cannot be written as XML.</exception>
    public static byte[] Element(XmlElement element) =>
        Canonicalize(writer => element.WriteTo(writer));

    /// <summary>
    /// Canonical form of the whole document without <paramref name="excluded"/>: the input of a
    /// <c>URI=""</c> reference after the enveloped-signature transform.
    /// </summary>
    /// <exception cref="CryptographicException">The document cannot be written as XML.</exception>
    public static byte[] DocumentWithout(XmlDocument document, XmlElement? excluded) =>
        Canonicalize(writer => WriteWithout(document, excluded, writer));

    private static byte[] Canonicalize(Action<XmlWriter> write)
    {
        using var serialized = new MemoryStream();
        try
        {
            using (var writer = EvidenceXml.CreateWriter(serialized))
                write(writer);
        }
        catch (Exception e) when (e is XmlException or ArgumentException or InvalidOperationException)
        {
            // A verifier reports this as a failed check instead of failing itself.
            throw new CryptographicException($"The XML cannot be canonicalized: {e.Message}", e);
        }

        serialized.Position = 0;
        var transform = new XmlDsigExcC14NTransform(includeComments: false);
        transform.LoadInput(serialized);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var canonical = new MemoryStream();
        output.CopyTo(canonical);
        return canonical.ToArray();
    }

    // Writes the document's children as XmlNode.WriteTo would, leaving out one element: only the
    // ancestors of the excluded element are written node by node, everything else in one call.
    private static void WriteWithout(XmlNode parent, XmlNode? excluded, XmlWriter writer)
    {
        foreach (XmlNode child in parent.ChildNodes)
        {
            if (ReferenceEquals(child, excluded) || child is XmlDeclaration or XmlDocumentType)
                continue;
            if (excluded is null || child is not XmlElement element || !IsAncestor(element, excluded))
            {
                child.WriteTo(writer);
                continue;
            }

            writer.WriteStartElement(element.Prefix, element.LocalName, element.NamespaceURI);
            foreach (XmlAttribute attribute in element.Attributes)
                attribute.WriteTo(writer);
            WriteWithout(element, excluded, writer);
            writer.WriteFullEndElement();
        }
    }

    private static bool IsAncestor(XmlNode candidate, XmlNode node)
    {
        for (var current = node.ParentNode; current is not null; current = current.ParentNode)
        {
            if (ReferenceEquals(current, candidate))
                return true;
        }
        return false;
    }
}
