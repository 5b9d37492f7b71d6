using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using static Erds.Evidence.Signing.XadesNames;

namespace Erds.Evidence.Verification;

/// <summary>
/// Reads the one ds:Signature strictly as this provider issues it: exactly the expected elements, in order,
/// with only the accepted algorithms. Anything else is refused before any digest is computed.
/// </summary>
internal static class XadesStructureReader
{
    public static XadesStructure Read(XmlDocument document)
    {
        var signature = SignatureLocator.Locate(document);
        var signatureId = StrictXml.RequiredAttribute(signature, "Id");
        var parts = StrictXml.Exactly(signature, "ds:SignedInfo", "ds:SignatureValue", "ds:KeyInfo", "ds:Object");
        var (signedInfo, signatureValue, keyInfo, dsObject) = (parts[0], parts[1], parts[2], parts[3]);

        var info = StrictXml.Exactly(signedInfo, "ds:CanonicalizationMethod", "ds:SignatureMethod", "ds:Reference", "ds:Reference");
        StrictXml.Algorithm(info[0], ExcC14N);
        var signatureMethod = StrictXml.Algorithm(info[1], EcdsaSha256, RsaSha256);
        var (contentReference, propertiesReference) = SplitReferences(info[2], info[3]);
        var contentDigest = ReadReference(contentReference, EnvelopedSignature, ExcC14N);
        var propertiesDigest = ReadReference(propertiesReference, ExcC14N);

        var qualifying = StrictXml.Exactly(dsObject, "xades:QualifyingProperties")[0];
        if (StrictXml.RequiredAttribute(qualifying, "Target") != $"#{signatureId}")
            throw new StructureException($"xades:QualifyingProperties Target must be '#{signatureId}', the Id of this ds:Signature");
        var properties = StrictXml.Exactly(qualifying, "xades:SignedProperties", "xades:UnsignedProperties");
        var signedProperties = properties[0];
        var referenced = StrictXml.RequiredAttribute(propertiesReference, "URI");
        if (referenced != $"#{StrictXml.RequiredAttribute(signedProperties, "Id")}")
            throw new StructureException($"the SignedProperties reference URI '{referenced}' does not point at the xades:SignedProperties inside this signature's ds:Object");

        var certificates = ReadCertificates(keyInfo);
        var signed = ReadSignedSignatureProperties(signedProperties);
        return new XadesStructure(signature, signedInfo, signatureMethod, signatureValue, StrictXml.Base64(signatureValue),
            contentDigest, signedProperties, propertiesDigest, certificates[0], certificates.Skip(1).ToList(),
            signed.SigningTime, signed.CertificateDigest, signed.IssuerSerial, ReadTimestamp(properties[1]));
    }

    private static (XmlElement Content, XmlElement Properties) SplitReferences(XmlElement first, XmlElement second)
    {
        bool IsContent(XmlElement r) => r.GetAttributeNode("URI")?.Value == "" && r.GetAttributeNode("Type") is null;
        bool IsProperties(XmlElement r) => r.GetAttributeNode("Type")?.Value == SignedPropertiesType;
        if (IsContent(first) && IsProperties(second))
            return (first, second);
        if (IsContent(second) && IsProperties(first))
            return (second, first);
        throw new StructureException($"ds:SignedInfo must hold one ds:Reference with URI=\"\" (no Type) and one with Type=\"{SignedPropertiesType}\"");
    }

    private static byte[] ReadReference(XmlElement reference, params string[] transforms)
    {
        var uri = reference.GetAttribute("URI");
        var children = StrictXml.Exactly(reference, "ds:Transforms", "ds:DigestMethod", "ds:DigestValue");
        var found = StrictXml.Children(children[0]);
        if (found.Count != transforms.Length || found.Any(t => StrictXml.Name(t) != "ds:Transform"))
            throw new StructureException($"ds:Reference URI=\"{uri}\" must have exactly the transforms [{string.Join(", ", transforms)}]");
        for (var i = 0; i < transforms.Length; i++)
            StrictXml.Algorithm(found[i], transforms[i]);
        StrictXml.Algorithm(children[1], Sha256);
        return Sha256Value(children[2], $"ds:Reference URI=\"{uri}\"");
    }

    private static List<X509Certificate2> ReadCertificates(XmlElement keyInfo)
    {
        var x509Data = StrictXml.Exactly(keyInfo, "ds:X509Data")[0];
        var entries = StrictXml.Children(x509Data);
        if (entries.Count == 0 || entries.Any(e => StrictXml.Name(e) != "ds:X509Certificate"))
            throw new StructureException("ds:X509Data must hold one or more ds:X509Certificate, the seal certificate first");
        try
        {
            return entries.Select(e => X509CertificateLoader.LoadCertificate(StrictXml.Base64(e))).ToList();
        }
        catch (CryptographicException e)
        {
            throw new StructureException($"a ds:X509Certificate cannot be decoded: {e.Message}");
        }
    }

    private static (DateTimeOffset SigningTime, byte[] CertificateDigest, byte[]? IssuerSerial) ReadSignedSignatureProperties(XmlElement signedProperties)
    {
        var sections = StrictXml.Children(signedProperties).Select(StrictXml.Name).ToList();
        if (sections is not (["xades:SignedSignatureProperties"] or ["xades:SignedSignatureProperties", "xades:SignedDataObjectProperties"]))
            throw new StructureException($"xades:SignedProperties must contain [xades:SignedSignatureProperties, optional xades:SignedDataObjectProperties], found [{StrictXml.Few(sections)}]");
        var ssp = StrictXml.Exactly(StrictXml.Children(signedProperties)[0], "xades:SigningTime", "xades:SigningCertificateV2");
        var text = StrictXml.Text(ssp[0]).Trim();
        DateTimeOffset signingTime;
        try
        {
            signingTime = XmlConvert.ToDateTimeOffset(text);
        }
        catch (FormatException)
        {
            throw new StructureException($"xades:SigningTime '{text}' is not an xs:dateTime");
        }
        var cert = StrictXml.Exactly(ssp[1], "xades:Cert")[0];
        var certParts = StrictXml.Children(cert).Select(StrictXml.Name).ToList();
        if (certParts is not (["xades:CertDigest"] or ["xades:CertDigest", "xades:IssuerSerialV2"]))
            throw new StructureException($"xades:Cert must contain [xades:CertDigest, optional xades:IssuerSerialV2], found [{StrictXml.Few(certParts)}]");
        var certChildren = StrictXml.Children(cert);
        var digest = StrictXml.Exactly(certChildren[0], "ds:DigestMethod", "ds:DigestValue");
        StrictXml.Algorithm(digest[0], Sha256);
        var issuerSerial = certChildren.Count == 2 ? StrictXml.Base64(certChildren[1]) : null;
        return (signingTime, Sha256Value(digest[1], "xades:CertDigest"), issuerSerial);
    }

    private static byte[] ReadTimestamp(XmlElement unsignedProperties)
    {
        var usp = StrictXml.Exactly(unsignedProperties, "xades:UnsignedSignatureProperties")[0];
        // Later levels (B-LT, B-LTA) add validation data beside it; exactly one signature timestamp is required.
        var timestamps = StrictXml.Children(usp).Where(e => StrictXml.Name(e) == "xades:SignatureTimeStamp").ToList();
        if (timestamps.Count != 1)
            throw new StructureException($"expected exactly one xades:SignatureTimeStamp, found {timestamps.Count}");
        var parts = StrictXml.Exactly(timestamps[0], "ds:CanonicalizationMethod", "xades:EncapsulatedTimeStamp");
        StrictXml.Algorithm(parts[0], ExcC14N);
        if (parts[1].GetAttributeNode("Encoding") is { } encoding && encoding.Value != DerEncoding)
            throw new StructureException($"xades:EncapsulatedTimeStamp Encoding '{encoding.Value}' is not DER");
        return StrictXml.Base64(parts[1]);
    }

    private static byte[] Sha256Value(XmlElement digestValue, string owner)
    {
        var value = StrictXml.Base64(digestValue);
        return value.Length == SHA256.HashSizeInBytes
            ? value
            : throw new StructureException($"{owner} DigestValue has {value.Length} bytes, a SHA-256 digest has {SHA256.HashSizeInBytes}");
    }
}
