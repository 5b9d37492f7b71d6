using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Signing;
using Erds.Evidence.Timestamping;

namespace Erds.Evidence.Verification;

/// <summary>The checks that tie the signature to trusted roots and to trusted time.</summary>
internal static class TrustChecks
{
    public static CheckResult SealUsage(XadesStructure s)
    {
        string? problem;
        try
        {
            problem = SealCertificateRules.UsageProblem(s.Certificate);
        }
        catch (CryptographicException e)
        {
            // .NET decodes an extension only when it is read (found by fuzzing: a damaged keyUsage).
            problem = $"seal certificate '{s.Certificate.Subject}' has an extension that cannot be decoded: {e.Message}";
        }
        return problem is not null
            ? CheckResult.Fail(VerificationCheck.SealCertificateUsage, problem)
            : CheckResult.Pass(VerificationCheck.SealCertificateUsage, $"seal certificate '{s.Certificate.Subject}' is fit to seal: signing key usage, not a CA, no timestamping or OCSP-signing usage");
    }

    public static (CheckResult Result, IReadOnlyList<X509Certificate2>? Chain) CertificateChain(XadesStructure s, TrustAnchors anchors)
    {
        return CustomRootChain.Problem(s.Certificate, s.OtherCertificates, anchors.SealRoots, s.SigningTime, out var chain) is { } problem
            ? (CheckResult.Fail(VerificationCheck.CertificateChain, $"seal certificate at signing time: {problem}"), null)
            : (CheckResult.Pass(VerificationCheck.CertificateChain, $"seal certificate '{s.Certificate.Subject}' chains to a seal trust anchor at signing time {s.SigningTime.UtcDateTime:u}"), chain);
    }

    public static (CheckResult Result, DateTimeOffset? GenTime, IReadOnlyList<X509Certificate2>? TsaChain) Timestamp(XadesStructure s, TrustAnchors anchors)
    {
        var imprint = SHA256.HashData(ExcC14N.Element(s.SignatureValueElement));
        var verdict = TimestampTokenVerifier.Verify(s.TimestampToken, imprint, anchors.TimestampRoots, out var tsaChain);
        return verdict.IsValid
            ? (CheckResult.Pass(VerificationCheck.Timestamp, $"signature timestamp over ds:SignatureValue: {verdict.Detail}"), verdict.GenTime, tsaChain)
            : (CheckResult.Fail(VerificationCheck.Timestamp, $"signature timestamp ({verdict.Failure}): {verdict.Detail}"), null, null);
    }

    public static CheckResult TimeSanity(DateTimeOffset signingTime, DateTimeOffset genTime, DateTimeOffset now, TimeSpan tolerance, TimeSpan skew)
    {
        string? problem = null;
        if (genTime > now + skew)
            problem = $"the timestamp time {genTime.UtcDateTime:u} is in the future (now {now.UtcDateTime:u})";
        else if (signingTime > now + skew)
            problem = $"the signing time {signingTime.UtcDateTime:u} is in the future (now {now.UtcDateTime:u})";
        else if (signingTime > genTime + skew)
            problem = $"the signing time {signingTime.UtcDateTime:u} is after the timestamp time {genTime.UtcDateTime:u}";
        else if (genTime - signingTime > tolerance)
            problem = $"the timestamp time {genTime.UtcDateTime:u} is more than {tolerance} after the signing time {signingTime.UtcDateTime:u}";
        return problem is null
            ? CheckResult.Pass(VerificationCheck.TimeSanity, $"signing time {signingTime.UtcDateTime:u} and timestamp time {genTime.UtcDateTime:u} agree")
            : CheckResult.Fail(VerificationCheck.TimeSanity, problem);
    }
}
