using System.Text;
using System.Xml;
using Xunit;

namespace Erds.Evidence.Tests.TestSupport;

/// <summary>Edits a signed document as an attacker would: on the stored bytes or on the parsed tree.</summary>
internal static class Tamper
{
    public const string Ds = "http://www.w3.org/2000/09/xmldsig#";
    public const string Xades = "http://uri.etsi.org/01903/v1.3.2#";

    public static XmlDocument Text(XmlDocument signed, string from, string to)
    {
        var xml = Encoding.UTF8.GetString(SampleEvidence.Serialize(signed));
        Assert.Contains(from, xml);
        return SampleEvidence.Load(xml.Replace(from, to, StringComparison.Ordinal).TrimStart('\uFEFF'));
    }

    public static XmlElement Single(XmlDocument document, string ns, string localName) =>
        (XmlElement)Assert.Single(document.GetElementsByTagName(localName, ns).Cast<XmlNode>());

    /// <summary>Flips one bit of the base64 content of an element and writes it back.</summary>
    public static void FlipByte(XmlElement element, Index index)
    {
        var bytes = Convert.FromBase64String(element.InnerText);
        bytes[index] ^= 0x01;
        element.InnerText = Convert.ToBase64String(bytes);
    }
}
