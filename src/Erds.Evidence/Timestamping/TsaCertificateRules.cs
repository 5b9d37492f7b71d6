using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Pki;

namespace Erds.Evidence.Timestamping;

internal static class TsaCertificateRules
{
    /// <summary>RFC 3161 §2.3: the TSA certificate has exactly one, critical, extended key usage: timeStamping.</summary>
    /// <returns>Null when the certificate complies; otherwise what is wrong.</returns>
    public static string? TimestampingUsageProblem(X509Certificate2 certificate)
    {
        var eku = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().SingleOrDefault();
        if (eku is null)
            return $"TSA certificate '{certificate.Subject}' has no extended key usage extension; RFC 3161 requires a critical timeStamping-only one";
        if (!eku.Critical)
            return $"TSA certificate '{certificate.Subject}' has a non-critical extended key usage; RFC 3161 requires it critical";
        var usages = eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value).ToList();
        return usages is [CertificateIssuer.TimeStampingOid]
            ? null
            : $"TSA certificate '{certificate.Subject}' has extended key usages [{string.Join(", ", usages)}]; RFC 3161 requires timeStamping only";
    }
}
