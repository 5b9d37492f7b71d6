using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Timestamping;
using static Erds.Evidence.Verification.RevocationFindingKind;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Erds.Evidence.Verification;

/// <summary>
/// Revocation of each certificate of a chain below its trust anchor, at the time the signature timestamp proves,
/// from the CRLs and OCSP responses the caller gave: one <see cref="VerificationCheck.Revocation"/> result each.
/// </summary>
/// <remarks>
/// Revoked at or before that time fails. A certificate that names no revocation source passes, and the report
/// says so. One that names a source while no given data covers the time is a warning by default, not a failure:
/// evidence is kept for years, CRLs of that time are rarely archived and a CA may drop expired certificates from
/// later ones, and B-T evidence carries no revocation data of its own. Whoever must not accept that gap
/// (a server judging a peer's fresh evidence, an auditor whose policy demands it) sets RequireRevocationData.
/// </remarks>
internal static class RevocationChecks
{
    public static IEnumerable<CheckResult> Chain(string role, IReadOnlyList<X509Certificate2> chain, DateTimeOffset at,
        DateTimeOffset now, TimeSpan skew, RevocationData data, bool require)
    {
        if (chain.Count == 1)
        {
            yield return CheckResult.Pass(VerificationCheck.Revocation, $"{role} '{chain[0].Subject}' is itself a trust anchor; revocation does not apply to it");
            yield break;
        }
        for (var i = 0; i + 1 < chain.Count; i++)
        {
            var name = i == 0 ? role : $"CA certificate above the {role}";
            yield return Certificate($"{name} '{chain[i].Subject}'", chain[i], chain[i + 1], at, now, skew, data, require);
        }
    }

    private static CheckResult Certificate(string subject, X509Certificate2 certificate, X509Certificate2 issuer, DateTimeOffset at,
        DateTimeOffset now, TimeSpan skew, RevocationData data, bool require)
    {
        BcCertificate bc, bcIssuer;
        try
        {
            bc = new BcCertificate(certificate.RawData);
            bcIssuer = new BcCertificate(issuer.RawData);
        }
        catch (Exception e) when (BouncyCastleErrors.IsParseError(e) || e is Org.BouncyCastle.Security.GeneralSecurityException)
        {
            return CheckResult.Fail(VerificationCheck.Revocation, $"{subject} cannot be decoded to look for its revocation sources: {e.Message}");
        }

        var sources = RevocationSources.Of(bc);
        if (sources.Problem is { } problem)
            return CheckResult.Fail(VerificationCheck.Revocation, $"{subject}: {problem}");
        var findings = data.Crls.Select(crl => CrlEvaluator.Judge(crl, bc, bcIssuer, sources, at, now, skew))
            .Concat(data.OcspResponses.Select(response => OcspEvaluator.Judge(response, bc, bcIssuer, at, now, skew)))
            .Where(f => f.Kind != NotApplicable)
            .ToList();

        if (findings.FirstOrDefault(f => f.Kind == Revoked) is { } revoked)
            return CheckResult.Fail(VerificationCheck.Revocation, $"{subject}: {revoked.Detail}");
        if (findings.FirstOrDefault(f => f.Kind == Good) is { } good)
            return CheckResult.Pass(VerificationCheck.Revocation, $"{subject} was not revoked at {at:u}: {good.Detail}");

        var unused = findings.Count == 0 ? "" : $" ({string.Join("; ", findings.Select(f => f.Detail))})";
        if (!sources.Any)
            return CheckResult.Pass(VerificationCheck.Revocation,
                $"{subject} names no revocation source (no CRL distribution point, no OCSP responder), so there is none to check{unused}");
        var missing = $"{subject} names {sources}, but no revocation data given shows its status at {at:u}, the time the signature timestamp proves" +
            (findings.Count == 0 ? " (none was given for its issuer)" : unused);
        return require
            ? CheckResult.Fail(VerificationCheck.Revocation, missing + "; revocation data is required")
            : CheckResult.Warn(VerificationCheck.Revocation, missing + "; the evidence is not invalid for this, but whether the certificate was revoked is unproven");
    }
}
