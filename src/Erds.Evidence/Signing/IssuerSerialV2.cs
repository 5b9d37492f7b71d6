using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Erds.Evidence.Signing;

/// <summary>The content of xades:IssuerSerialV2: the DER of an RFC 5035 IssuerSerial.</summary>
internal static class IssuerSerialV2
{
    /// <summary>IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }, issuer as one directoryName.</summary>
    public static byte[] Encode(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                // GeneralName directoryName is [4] EXPLICIT Name.
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
            }
            writer.WriteInteger(certificate.SerialNumberBytes.Span);
        }
        return writer.Encode();
    }
}
