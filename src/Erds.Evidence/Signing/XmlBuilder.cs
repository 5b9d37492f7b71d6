using System.Xml;

namespace Erds.Evidence.Signing;

/// <summary>Terse construction of ds: and xades: elements; nothing is indented, so nothing needs reformatting.</summary>
internal sealed class XmlBuilder(XmlDocument document)
{
    public XmlElement Ds(string localName, params XmlNode[] children) =>
        Element(XadesNames.DsPrefix, localName, XadesNames.DsNamespace, children);

    public XmlElement Xades(string localName, params XmlNode[] children) =>
        Element(XadesNames.XadesPrefix, localName, XadesNames.XadesNamespace, children);

    public XmlElement Ds(string localName, string text) => Ds(localName, document.CreateTextNode(text));

    public XmlElement Xades(string localName, string text) => Xades(localName, document.CreateTextNode(text));

    public static XmlElement With(XmlElement element, string name, string value)
    {
        element.SetAttribute(name, value);
        return element;
    }

    /// <summary>
    /// Declares the element's own prefix as an attribute. A DOM built in code has no such attribute, and
    /// canonicalization copies declarations from attributes only.
    /// </summary>
    public static XmlElement DeclaringItsNamespace(XmlElement element)
    {
        var declaration = element.OwnerDocument.CreateAttribute($"xmlns:{element.Prefix}", XadesNames.XmlnsNamespace);
        declaration.Value = element.NamespaceURI;
        element.SetAttributeNode(declaration);
        return element;
    }

    private XmlElement Element(string prefix, string localName, string ns, XmlNode[] children)
    {
        var element = document.CreateElement(prefix, localName, ns);
        foreach (var child in children)
            element.AppendChild(child);
        return element;
    }
}
