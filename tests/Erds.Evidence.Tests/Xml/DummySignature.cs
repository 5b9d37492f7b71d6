using System.Text;
using System.Xml;
using Erds.Evidence.Xml;

namespace Erds.Evidence.Tests.Xml;

/// <summary>
/// A ds:Signature that is structurally valid but signs nothing, shaped like the signer's output:
/// an enveloped reference, and a ds:Object holding XAdES QualifyingProperties, which have no schema here.
/// </summary>
internal static class DummySignature
{
    private const string SignatureValue = "<ds:SignatureValue>c2lnbmF0dXJl</ds:SignatureValue>";

    private const string Template = """
        <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="sig-1">
          <ds:SignedInfo>
            <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
            <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
            <ds:Reference URI="">
              <ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>
              <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
              <ds:DigestValue>47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=</ds:DigestValue>
            </ds:Reference>
          </ds:SignedInfo>
          SIGNATURE-VALUE
          <ds:Object>
            <xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Target="#sig-1">
              <xades:SignedProperties Id="sig-1-signed-properties">
                <xades:SignedSignatureProperties>
                  <xades:SigningTime>2026-11-22T10:15:31Z</xades:SigningTime>
                </xades:SignedSignatureProperties>
              </xades:SignedProperties>
            </xades:QualifyingProperties>
          </ds:Object>
        </ds:Signature>
        """;

    /// <summary>Appends the signature as the last child of the document element, where the schema puts it.</summary>
    public static XmlDocument AppendTo(XmlDocument evidence, bool withSignatureValue = true)
    {
        var xml = Template.Replace("SIGNATURE-VALUE", withSignatureValue ? SignatureValue : string.Empty, StringComparison.Ordinal);
        var signature = SafeXml.Load(Encoding.UTF8.GetBytes(xml)).DocumentElement!;
        evidence.DocumentElement!.AppendChild(evidence.ImportNode(signature, deep: true));
        return evidence;
    }
}
