using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Model;

namespace Erds.Evidence.Verification;

/// <summary>Whose seal it is: the certificate that signed against the one the evidence names, and against an auditor's pin.</summary>
internal static class SealChecks
{
    public static CheckResult Identity(X509Certificate2? sealCertificate, EvidenceDocument? evidence)
    {
        if (sealCertificate is null)
            return CheckResult.Fail(VerificationCheck.SealIdentity, "not evaluated: the signature structure is invalid");
        if (evidence is null)
            return CheckResult.Fail(VerificationCheck.SealIdentity, "not evaluated: the evidence cannot be read, so the issuer's certificate it names is unknown");
        if (evidence.Issuer.SealCertificate is not { } named)
            return CheckResult.Fail(VerificationCheck.SealIdentity,
                $"EvidenceIssuerDetails names no certificate (no CertificateDetails), so nothing ties the seal '{sealCertificate.Subject}' to the issuer '{evidence.Issuer.LegalName}'");
        if (!named.AsSpan().SequenceEqual(sealCertificate.RawData))
            return CheckResult.Fail(VerificationCheck.SealIdentity,
                $"the evidence was sealed with {Describe(sealCertificate)}, but EvidenceIssuerDetails names {Describe(named)} as the issuer's certificate");
        return CheckResult.Pass(VerificationCheck.SealIdentity, $"sealed with the certificate EvidenceIssuerDetails names: {Describe(sealCertificate)}");
    }

    public static CheckResult Expected(X509Certificate2? sealCertificate, IReadOnlyList<X509Certificate2> expected)
    {
        if (sealCertificate is null)
            return CheckResult.Fail(VerificationCheck.ExpectedSeal, "not evaluated: the signature structure is invalid");
        return expected.Any(e => e.RawData.AsSpan().SequenceEqual(sealCertificate.RawData))
            ? CheckResult.Pass(VerificationCheck.ExpectedSeal, $"the seal certificate is among the {expected.Count} expected seal certificate(s)")
            : CheckResult.Fail(VerificationCheck.ExpectedSeal,
                $"sealed with {Describe(sealCertificate)}, which is none of the {expected.Count} expected seal certificate(s): {string.Join("; ", expected.Select(Describe))}");
    }

    /// <summary>Subject, serial number and SHA-256 fingerprint: what an auditor compares with the provider's published certificate.</summary>
    public static string Describe(X509Certificate2 certificate) =>
        $"'{certificate.Subject}' (serial {certificate.SerialNumber}, SHA-256 {Convert.ToHexStringLower(SHA256.HashData(certificate.RawData))})";

    private static string Describe(byte[] der)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            return Describe(certificate);
        }
        catch (CryptographicException)
        {
            return $"an undecodable certificate (SHA-256 {Convert.ToHexStringLower(SHA256.HashData(der))})";
        }
    }
}
