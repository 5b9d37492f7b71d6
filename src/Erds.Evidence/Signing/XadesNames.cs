namespace Erds.Evidence.Signing;

/// <summary>Namespaces and algorithm identifiers of the XAdES profile this provider issues and accepts.</summary>
internal static class XadesNames
{
    public const string DsNamespace = "http://www.w3.org/2000/09/xmldsig#";
    public const string XadesNamespace = "http://uri.etsi.org/01903/v1.3.2#";
    public const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    public const string DsPrefix = "ds";
    public const string XadesPrefix = "xades";

    public const string ExcC14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public const string EnvelopedSignature = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    public const string Sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public const string EcdsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public const string SignedPropertiesType = "http://uri.etsi.org/01903#SignedProperties";
    public const string DerEncoding = "http://uri.etsi.org/01903/v1.2.2#DER";
}
