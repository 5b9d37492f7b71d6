namespace Erds.Evidence.Xml;

/// <summary>The XML namespaces of evidence documents and the prefixes this library writes for them.</summary>
/// <remarks>
/// Elements that the ETSI schema declares locally (<c>EventTime</c>, <c>Identifier</c>, <c>Code</c>, ...)
/// are in no namespace, because the schema has no <c>elementFormDefault="qualified"</c>.
/// </remarks>
public static class EvidenceXmlNamespaces
{
    /// <summary>ETSI EN 319 522-3, written with the prefix <c>erds</c>.</summary>
    public const string Etsi = "http://uri.etsi.org/19522/v1#";

    /// <summary>SAML 2.0 assertions (identity attributes), written with the prefix <c>saml</c>.</summary>
    public const string Saml = "urn:oasis:names:tc:SAML:2.0:assertion";

    /// <summary>XML-DSig (part digests, the seal signature), written with the prefix <c>ds</c>.</summary>
    public const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";

    /// <summary>The namespace of namespace declarations themselves.</summary>
    internal const string Xmlns = "http://www.w3.org/2000/xmlns/";

    internal const string EtsiPrefix = "erds";
    internal const string SamlPrefix = "saml";
    internal const string XmlDsigPrefix = "ds";
}
