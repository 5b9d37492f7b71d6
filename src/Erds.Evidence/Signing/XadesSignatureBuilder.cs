using System.Globalization;
using System.Security.Cryptography;
using System.Xml;

namespace Erds.Evidence.Signing;

/// <summary>The ds:Signature skeleton of XAdES baseline B: everything but the signature value and timestamp.</summary>
internal static class XadesSignatureBuilder
{
    public sealed record Parts(XmlElement Signature, XmlElement SignedInfo, XmlElement SignedProperties,
        XmlElement SignedPropertiesDigest, XmlElement SignatureValue, XmlElement QualifyingProperties, string Id);

    public static Parts Build(XmlDocument document, ISealSigner signer, DateTimeOffset signingTime, byte[] contentDigest)
    {
        var x = new XmlBuilder(document);
        var id = $"sig-{Guid.NewGuid():N}";
        var contentReferenceId = $"{id}-ref-content";
        var signedPropertiesId = $"{id}-signedprops";

        var signedProperties = XmlBuilder.With(x.Xades("SignedProperties",
            x.Xades("SignedSignatureProperties",
                x.Xades("SigningTime", signingTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
                x.Xades("SigningCertificateV2", x.Xades("Cert",
                    x.Xades("CertDigest", DigestMethod(x), x.Ds("DigestValue", Convert.ToBase64String(SHA256.HashData(signer.Certificate.RawData)))),
                    x.Xades("IssuerSerialV2", Convert.ToBase64String(IssuerSerialV2.Encode(signer.Certificate)))))),
            // Baseline B wants the MIME type of every signed data object (EN 319 132-1, DataObjectFormat).
            x.Xades("SignedDataObjectProperties", XmlBuilder.With(
                x.Xades("DataObjectFormat", x.Xades("MimeType", "text/xml")), "ObjectReference", $"#{contentReferenceId}"))),
            "Id", signedPropertiesId);

        var propertiesDigest = x.Ds("DigestValue", "");
        var signedInfo = x.Ds("SignedInfo",
            Algorithm(x.Ds("CanonicalizationMethod"), XadesNames.ExcC14N),
            Algorithm(x.Ds("SignatureMethod"), signer.KeyType == SealKeyType.Rsa3072 ? XadesNames.RsaSha256 : XadesNames.EcdsaSha256),
            XmlBuilder.With(XmlBuilder.With(x.Ds("Reference",
                x.Ds("Transforms", Algorithm(x.Ds("Transform"), XadesNames.EnvelopedSignature), Algorithm(x.Ds("Transform"), XadesNames.ExcC14N)),
                DigestMethod(x), x.Ds("DigestValue", Convert.ToBase64String(contentDigest))), "Id", contentReferenceId), "URI", ""),
            XmlBuilder.With(XmlBuilder.With(x.Ds("Reference",
                x.Ds("Transforms", Algorithm(x.Ds("Transform"), XadesNames.ExcC14N)),
                DigestMethod(x), propertiesDigest), "Type", XadesNames.SignedPropertiesType), "URI", $"#{signedPropertiesId}"));

        var signatureValue = XmlBuilder.With(x.Ds("SignatureValue", ""), "Id", $"{id}-value");
        var x509Data = x.Ds("X509Data", [.. new[] { signer.Certificate }.Concat(signer.Chain)
            .Select(c => x.Ds("X509Certificate", Convert.ToBase64String(c.RawData)))]);
        var qualifyingProperties = XmlBuilder.With(XmlBuilder.DeclaringItsNamespace(
            x.Xades("QualifyingProperties", signedProperties)), "Target", $"#{id}");
        var signature = XmlBuilder.With(XmlBuilder.DeclaringItsNamespace(x.Ds("Signature",
            signedInfo, signatureValue, x.Ds("KeyInfo", x509Data), x.Ds("Object", qualifyingProperties))), "Id", id);

        return new Parts(signature, signedInfo, signedProperties, propertiesDigest, signatureValue, qualifyingProperties, id);
    }

    public static XmlElement SignatureTimeStamp(XmlDocument document, string signatureId, byte[] token)
    {
        var x = new XmlBuilder(document);
        return x.Xades("UnsignedProperties", x.Xades("UnsignedSignatureProperties", XmlBuilder.With(
            x.Xades("SignatureTimeStamp",
                Algorithm(x.Ds("CanonicalizationMethod"), XadesNames.ExcC14N),
                x.Xades("EncapsulatedTimeStamp", Convert.ToBase64String(token))),
            "Id", $"{signatureId}-ts")));
    }

    private static XmlElement DigestMethod(XmlBuilder x) => Algorithm(x.Ds("DigestMethod"), XadesNames.Sha256);

    private static XmlElement Algorithm(XmlElement element, string algorithm) => XmlBuilder.With(element, "Algorithm", algorithm);
}
