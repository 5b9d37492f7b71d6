using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace Erds.Evidence.Verification;

/// <summary>The parts of a XAdES B-T signature that passed the structure check, ready for the cryptographic checks.</summary>
internal sealed record XadesStructure(
    XmlElement Signature,
    XmlElement SignedInfo,
    string SignatureMethod,
    XmlElement SignatureValueElement,
    byte[] SignatureValue,
    byte[] ContentDigest,
    XmlElement SignedProperties,
    byte[] SignedPropertiesDigest,
    X509Certificate2 Certificate,
    IReadOnlyList<X509Certificate2> OtherCertificates,
    DateTimeOffset SigningTime,
    byte[] CertificateDigest,
    byte[]? IssuerSerial,
    byte[] TimestampToken);
