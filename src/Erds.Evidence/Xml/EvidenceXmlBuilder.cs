using System.Xml;
using static Erds.Evidence.Xml.EvidenceXmlNamespaces;

namespace Erds.Evidence.Xml;

/// <summary>
/// Appends elements to a new document with the namespace and prefix each kind of element needs, and
/// refuses text that XML cannot carry while the element name is still known.
/// </summary>
internal sealed class EvidenceXmlBuilder
{
    // PreserveWhitespace also stops XmlDocument.Save from indenting the output.
    public XmlDocument Document { get; } = new() { PreserveWhitespace = true, XmlResolver = null };

    /// <summary>A globally declared element: ETSI namespace, prefix <c>erds</c>.</summary>
    public XmlElement Etsi(XmlNode parent, string name, string? text = null) =>
        Append(parent, Document.CreateElement(EtsiPrefix, name, EvidenceXmlNamespaces.Etsi), text);

    /// <summary>A locally declared element: no namespace (the schema has no elementFormDefault).</summary>
    public XmlElement Local(XmlNode parent, string name, string? text = null) =>
        Append(parent, Document.CreateElement(name), text);

    public XmlElement Saml(XmlNode parent, string name, string? text = null) =>
        Append(parent, Document.CreateElement(SamlPrefix, name, EvidenceXmlNamespaces.Saml), text);

    public XmlElement Dsig(XmlNode parent, string name, string? text = null) =>
        Append(parent, Document.CreateElement(XmlDsigPrefix, name, XmlDsig), text);

    /// <summary>
    /// Declares a prefix as an attribute in the document itself, so that canonicalizing the in-memory
    /// document (as the signer does) sees the same declarations as a parser of the serialized bytes.
    /// </summary>
    public static void Declare(XmlElement element, string prefix, string namespaceUri)
    {
        var declaration = element.OwnerDocument.CreateAttribute("xmlns", prefix, Xmlns);
        declaration.Value = namespaceUri;
        element.SetAttributeNode(declaration);
    }

    public static void SetAttribute(XmlElement element, string name, string value)
    {
        CheckCharacters(value, $"{element.Name}/@{name}");
        element.SetAttribute(name, value);
    }

    private static XmlElement Append(XmlNode parent, XmlElement element, string? text)
    {
        if (text is not null)
        {
            CheckCharacters(text, element.Name);
            element.AppendChild(element.OwnerDocument.CreateTextNode(text));
        }

        parent.AppendChild(element);
        return element;
    }

    private static void CheckCharacters(string value, string where)
    {
        try
        {
            XmlConvert.VerifyXmlChars(value);
        }
        catch (XmlException ex)
        {
            throw new ArgumentException($"The value of {where} contains a character XML cannot carry: {ex.Message}", "evidence", ex);
        }
    }
}
