using Erds.Evidence.Timestamping;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;
using static Erds.Evidence.Verification.RevocationFindingKind;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Erds.Evidence.Verification;

/// <summary>
/// Judges one CRL for one certificate (RFC 5280 §6.3, for complete CRLs issued by the certificate's own CA):
/// the CRL must be signed with the issuer's key, carry no critical extension it does not understand, and
/// have sane times; then it shows the certificate revoked, not revoked at the time of interest, or nothing.
/// </summary>
internal static class CrlEvaluator
{
    private static readonly HashSet<string> UnderstoodCritical =
    [
        X509Extensions.IssuingDistributionPoint.Id, X509Extensions.CrlNumber.Id, X509Extensions.AuthorityKeyIdentifier.Id,
    ];

    public static RevocationFinding Judge(X509Crl crl, BcCertificate certificate, BcCertificate issuer, RevocationSources sources,
        DateTimeOffset at, DateTimeOffset now, TimeSpan skew)
    {
        try
        {
            return JudgeUnchecked(crl, certificate, issuer, sources, at, now, skew);
        }
        catch (Exception e) when (BouncyCastleErrors.IsParseError(e) || e is Org.BouncyCastle.Security.GeneralSecurityException)
        {
            return new RevocationFinding(Unusable, $"a CRL of '{issuer.SubjectDN}' cannot be decoded: {e.Message}");
        }
    }

    private static RevocationFinding JudgeUnchecked(X509Crl crl, BcCertificate certificate, BcCertificate issuer, RevocationSources sources,
        DateTimeOffset at, DateTimeOffset now, TimeSpan skew)
    {
        if (!crl.IssuerDN.Equivalent(certificate.IssuerDN)) return RevocationFinding.NotApplicable;
        var thisUpdate = Utc(crl.ThisUpdate);
        var name = $"the CRL of '{crl.IssuerDN}' issued {thisUpdate:u}";
        if (!crl.IsSignatureValid(issuer.GetPublicKey()))
            return new RevocationFinding(Unusable, $"{name} does not verify with the key of '{issuer.SubjectDN}'");
        if (issuer.GetKeyUsage() is { } usage && !usage[6])
            return new RevocationFinding(Unusable, $"{name} is signed by '{issuer.SubjectDN}', whose key usage does not include cRLSign");
        if (crl.GetCriticalExtensionOids()?.FirstOrDefault(oid => !UnderstoodCritical.Contains(oid)) is { } unknown)
            return new RevocationFinding(Unusable, unknown == X509Extensions.DeltaCrlIndicator.Id
                ? $"{name} is a delta CRL; only complete CRLs are used"
                : $"{name} has the critical extension {unknown}, which this verifier does not understand");
        if (thisUpdate > now + skew)
            return new RevocationFinding(Unusable, $"{name} claims to be issued in the future (now {now:u})");
        if (crl.NextUpdate is { } next && Utc(next) < thisUpdate)
            return new RevocationFinding(Unusable, $"{name} has its next update {Utc(next):u} before its issue");
        if (ScopeProblem(crl, certificate, sources) is { } scope)
            return scope.Length == 0 ? RevocationFinding.NotApplicable : new RevocationFinding(Unusable, $"{name} {scope}");

        if (crl.GetRevokedCertificate(certificate.SerialNumber) is { } entry && Reason(entry) != CrlReason.RemoveFromCrl)
        {
            var revoked = Utc(entry.RevocationDate);
            // invalidityDate: when the key is known or suspected to have been compromised, which may lie before the revocation.
            if (InvalidityDate(entry) is { } invalid && invalid < revoked) revoked = invalid;
            return RevocationFinding.Listed($"{name} lists it", Reason(entry), revoked, thisUpdate, at);
        }

        if (thisUpdate < at)
            return new RevocationFinding(Inconclusive, $"{name} does not list it, but was issued before {at:u}, the time the signature timestamp proves, so it cannot show the status then");
        var expired = Utc(certificate.NotAfter);
        if (thisUpdate > expired && !(ExpiredCertificatesOnCrl(crl) is { } since && since <= expired))
            return new RevocationFinding(Inconclusive, $"{name} does not list it, but was issued after the certificate expired ({expired:u}); a CA need not list expired certificates");
        return new RevocationFinding(Good, $"not listed on {name}");
    }

    /// <returns>Null when the CRL covers the certificate; "" when it is for other certificates; otherwise why it cannot be used.</returns>
    private static string? ScopeProblem(X509Crl crl, BcCertificate certificate, RevocationSources sources)
    {
        if (crl.GetExtensionValue(X509Extensions.IssuingDistributionPoint) is not { } value) return null;
        var idp = IssuingDistributionPoint.GetInstance(X509ExtensionUtilities.FromExtensionValue(value));
        var isCa = certificate.GetBasicConstraints() >= 0;
        if (idp.OnlyContainsAttributeCerts || (idp.OnlyContainsUserCerts && isCa) || (idp.OnlyContainsCACerts && !isCa)) return "";
        if (idp.IsIndirectCrl) return "is an indirect CRL, which this verifier does not use";
        if (idp.OnlySomeReasons is not null) return "covers only some revocation reasons, so it cannot show a certificate not revoked";
        var partition = RevocationSources.Uris(idp.DistributionPoint);
        return partition.Count > 0 && !partition.Intersect(sources.CrlLocations, StringComparer.Ordinal).Any() ? "" : null;
    }

    private static int Reason(X509CrlEntry entry) =>
        entry.GetExtensionValue(X509Extensions.ReasonCode) is { } value
            ? DerEnumerated.GetInstance(X509ExtensionUtilities.FromExtensionValue(value)).IntValueExact
            : CrlReason.Unspecified;

    private static DateTimeOffset? InvalidityDate(X509CrlEntry entry) =>
        entry.GetExtensionValue(X509Extensions.InvalidityDate) is { } value
            ? Utc(Asn1GeneralizedTime.GetInstance(X509ExtensionUtilities.FromExtensionValue(value)).ToDateTime())
            : null;

    private static DateTimeOffset? ExpiredCertificatesOnCrl(X509Crl crl) =>
        crl.GetExtensionValue(X509Extensions.ExpiredCertsOnCrl) is { } value
            ? Utc(Asn1GeneralizedTime.GetInstance(X509ExtensionUtilities.FromExtensionValue(value)).ToDateTime())
            : null;

    public static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
