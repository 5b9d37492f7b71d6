using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Erds.Evidence.Signing;

namespace Erds.Evidence.Verification;

/// <summary>The reference digests, the signature value and the SigningCertificateV2 binding.</summary>
internal static class SignatureChecks
{
    public static CheckResult Signature(XmlDocument document, XadesStructure s)
    {
        var problems = new List<string>();
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(ExcC14N.DocumentWithout(document, s.Signature)), s.ContentDigest))
            problems.Add("the digest of Reference URI=\"\" does not match: the signed document content was changed");
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(ExcC14N.Element(s.SignedProperties)), s.SignedPropertiesDigest))
            problems.Add("the digest of the SignedProperties reference does not match: the signed properties were changed");
        if (SignatureValueProblem(s) is { } problem)
            problems.Add(problem);
        return problems.Count == 0
            ? CheckResult.Pass(VerificationCheck.Signature, $"both reference digests and the {AlgorithmName(s.SignatureMethod)} signature value verify")
            : CheckResult.Fail(VerificationCheck.Signature, string.Join("; ", problems));
    }

    public static CheckResult SigningCertificate(XadesStructure s)
    {
        var subject = s.Certificate.Subject;
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(s.Certificate.RawData), s.CertificateDigest))
            return CheckResult.Fail(VerificationCheck.SigningCertificate, $"SigningCertificateV2 CertDigest does not match the KeyInfo certificate '{subject}'");
        if (s.IssuerSerial is { } issuerSerial && !issuerSerial.AsSpan().SequenceEqual(IssuerSerialV2.Encode(s.Certificate)))
            return CheckResult.Fail(VerificationCheck.SigningCertificate, $"SigningCertificateV2 IssuerSerialV2 does not name the KeyInfo certificate '{subject}'");
        return CheckResult.Pass(VerificationCheck.SigningCertificate, $"SigningCertificateV2 names the KeyInfo certificate '{subject}'");
    }

    private static string? SignatureValueProblem(XadesStructure s)
    {
        var signedInfo = ExcC14N.Element(s.SignedInfo);
        using var ecdsa = s.Certificate.GetECDsaPublicKey();
        using var rsa = s.Certificate.GetRSAPublicKey();
        bool valid;
        if (s.SignatureMethod == XadesNames.EcdsaSha256 && ecdsa is not null)
            valid = ecdsa.VerifyData(signedInfo, s.SignatureValue, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        else if (s.SignatureMethod == XadesNames.RsaSha256 && rsa is not null)
            valid = rsa.KeySize >= 2048
                ? rsa.VerifyData(signedInfo, s.SignatureValue, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                : throw new CryptographicException($"RSA key of {rsa.KeySize} bits is too short");
        else
            return $"SignatureMethod {s.SignatureMethod} does not fit the {SealKeys.Describe(s.Certificate)} key of '{s.Certificate.Subject}'";
        return valid ? null : $"the SignatureValue does not verify with the key of '{s.Certificate.Subject}'";
    }

    private static string AlgorithmName(string uri) => uri == XadesNames.EcdsaSha256 ? "ECDSA-SHA256" : "RSA-SHA256";
}
