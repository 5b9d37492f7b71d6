using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Erds.Evidence.Pki;

/// <summary>Issues X.509 certificates with the .NET certificate builder; used by the development PKI and by tests.</summary>
internal static class CertificateIssuer
{
    public const string TimeStampingOid = "1.3.6.1.5.5.7.3.8";

    public static X509Certificate2 CreateRoot(X500DistinguishedName subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>Issues an end-entity certificate for <paramref name="key"/>, signed by <paramref name="issuer"/>'s ECDSA private key.</summary>
    public static X509Certificate2 Issue(
        X509Certificate2 issuer, X500DistinguishedName subject, AsymmetricAlgorithm key,
        DateTimeOffset notBefore, DateTimeOffset notAfter, IEnumerable<X509Extension> extensions)
    {
        var request = key switch
        {
            ECDsa ecdsa => new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new ArgumentException($"Unsupported key {key.GetType().Name}.", nameof(key)),
        };
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        foreach (var extension in extensions)
            request.CertificateExtensions.Add(extension);
        // The generator overload lets the subject key type differ from the issuer's (an RSA seal under an ECDSA root)
        // and lets tests issue certificates outside the issuer's validity (expired seals).
        using var issuerKey = issuer.GetECDsaPrivateKey() ?? throw new ArgumentException("The issuer needs its ECDSA private key.", nameof(issuer));
        using var issued = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), notBefore, notAfter, NewSerialNumber());
        return key switch
        {
            ECDsa ecdsa => issued.CopyWithPrivateKey(ecdsa),
            _ => issued.CopyWithPrivateKey((RSA)key),
        };
    }

    public static X509Extension SealKeyUsage() =>
        new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true);

    public static IEnumerable<X509Extension> TsaExtensions() =>
    [
        new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true),
        new X509EnhancedKeyUsageExtension([new Oid(TimeStampingOid)], true),
    ];

    public static string ExportPrivateKeyPem(X509Certificate2 certificate) =>
        (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() is { } ecdsa
            ? ecdsa.ExportPkcs8PrivateKeyPem()
            : certificate.GetRSAPrivateKey()?.ExportPkcs8PrivateKeyPem()
              ?? throw new InvalidOperationException($"'{certificate.Subject}' has no exportable private key.");

    private static byte[] NewSerialNumber()
    {
        // 16 random bytes with the top bit cleared: a positive INTEGER that RFC 5280 conformant software accepts.
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return serial;
    }
}
