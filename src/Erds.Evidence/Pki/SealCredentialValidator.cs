using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Signing;

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

    public static bool AllowsSealing(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509KeyUsageExtension>().SingleOrDefault() is { } usage
        && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) != 0;

    private static void RequireSigningKeyUsage(X509Certificate2 certificate, string source)
    {
        // A seal certificate without a keyUsage extension is technically unrestricted, but a CA that
        // issues seals always states it; its absence means the wrong certificate was configured.
        if (!AllowsSealing(certificate))
            throw new KeyMaterialException($"Seal certificate '{certificate.Subject}' from {source} has no keyUsage allowing digitalSignature or nonRepudiation.");
    }

    private static void RequireValidNow(X509Certificate2 certificate, string source, DateTimeOffset now)
    {
        if (now < certificate.NotBefore.ToUniversalTime())
            throw new KeyMaterialException($"Seal certificate '{certificate.Subject}' from {source} is not valid before {certificate.NotBefore.ToUniversalTime():u}.");
        if (now > certificate.NotAfter.ToUniversalTime())
            throw new KeyMaterialException($"Seal certificate '{certificate.Subject}' from {source} expired at {certificate.NotAfter.ToUniversalTime():u}.");
    }
}
