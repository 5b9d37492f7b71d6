using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Signing;
using Erds.Evidence.Verification;

namespace Erds.Evidence.Pki;

/// <summary>The guard clauses a seal credential must pass before anything is signed with it.</summary>
internal static class SealCredentialValidator
{
    public static void Validate(X509Certificate2 certificate, string source, TimeProvider time)
    {
        if (!certificate.HasPrivateKey)
            throw new KeyMaterialException($"Seal certificate '{certificate.Subject}' from {source} has no private key.");
        if (SealKeys.TypeOf(certificate) is null)
            throw new KeyMaterialException($"Seal certificate '{certificate.Subject}' from {source} has {SealKeys.Describe(certificate)}; supported are ECDSA P-256 and RSA-3072.");
        RequireSigningKeyUsage(certificate, source);
        RequireValidNow(certificate, source, time.GetUtcNow());
    }

    // The verifier's own rules (a signing keyUsage, not a CA, not a timestamp authority's or OCSP
    // responder's key): a provider must not seal with a certificate its auditors' verifier refuses.
    private static void RequireSigningKeyUsage(X509Certificate2 certificate, string source)
    {
        if (SealCertificateRules.UsageProblem(certificate) is { } problem)
            throw new KeyMaterialException($"{problem} (from {source}).");
    }

    private static void RequireValidNow(X509Certificate2 certificate, string source, DateTimeOffset now)
    {
        if (now < certificate.NotBefore.ToUniversalTime())
            throw new KeyMaterialException($"Seal certificate '{certificate.Subject}' from {source} is not valid before {certificate.NotBefore.ToUniversalTime():u}.");
        if (now > certificate.NotAfter.ToUniversalTime())
            throw new KeyMaterialException($"Seal certificate '{certificate.Subject}' from {source} expired at {certificate.NotAfter.ToUniversalTime():u}.");
    }
}
