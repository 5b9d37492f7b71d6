using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Pki;

namespace Erds.Evidence.Verification;

/// <summary>
/// What a certificate must be to seal evidence, beyond chaining to a trusted root: a key for signatures
/// (keyUsage digitalSignature or nonRepudiation), not a CA's, and not one dedicated to an authority of the
/// PKI itself.
/// </summary>
/// <remarks>
/// The timestamping and OCSP-signing extended key usages are refused because their keys sign on behalf
/// of a timestamp authority or a revocation responder, automatically and for anyone who asks; a seal made
/// with such a key proves nothing about the provider, and with a development PKI the TSA's key sits beside
/// the seal's. A CA certificate (basicConstraints cA) is refused for the same reason. Other extended key
/// usages (emailProtection, clientAuth, documentSigning, anyExtendedKeyUsage...) are accepted: qualified
/// seal certificates in use carry them, and they do not make a key an authority's.
/// </remarks>
internal static class SealCertificateRules
{
    public const string OcspSigningOid = "1.3.6.1.5.5.7.3.9";

    private static readonly Dictionary<string, string> AuthorityUsages = new()
    {
        [CertificateIssuer.TimeStampingOid] = "timeStamping (a timestamp authority's key)",
        [OcspSigningOid] = "OCSPSigning (a revocation responder's key)",
    };

    /// <returns>Null when <paramref name="certificate"/> may seal; otherwise why not.</returns>
    public static string? UsageProblem(X509Certificate2 certificate)
    {
        var subject = certificate.Subject;
        // A certificate is hostile input here: one that states an extension twice says two things at once.
        var duplicated = certificate.Extensions.Cast<X509Extension>().GroupBy(e => e.Oid?.Value).FirstOrDefault(g => g.Count() > 1);
        if (duplicated is not null)
            return $"seal certificate '{subject}' has the extension {duplicated.Key} more than once";
        if (certificate.Extensions.OfType<X509KeyUsageExtension>().SingleOrDefault() is not { } keyUsage)
            return $"seal certificate '{subject}' has no keyUsage extension; a seal needs digitalSignature or nonRepudiation";
        if ((keyUsage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
            return $"seal certificate '{subject}' has keyUsage {keyUsage.KeyUsages}, without digitalSignature or nonRepudiation";
        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().SingleOrDefault() is { CertificateAuthority: true })
            return $"seal certificate '{subject}' is a CA certificate (basicConstraints cA); a CA's key does not seal evidence";
        if (certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().SingleOrDefault() is { } eku)
        {
            var authority = eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()
                .Select(o => o.Value is { } oid && AuthorityUsages.TryGetValue(oid, out var name) ? name : null)
                .FirstOrDefault(name => name is not null);
            if (authority is not null)
                return $"seal certificate '{subject}' has the extended key usage {authority}; such a key does not seal evidence";
        }
        return null;
    }
}
