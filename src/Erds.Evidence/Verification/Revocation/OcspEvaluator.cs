using Erds.Evidence.Timestamping;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using static Erds.Evidence.Verification.RevocationFindingKind;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Erds.Evidence.Verification;

/// <summary>
/// Judges one OCSP response for one certificate (RFC 6960): it must be signed by the certificate's CA, or by a
/// responder certificate that CA issued with the OCSPSigning extended key usage; then its status for the
/// certificate's serial number shows it revoked, not revoked at the time of interest, or nothing.
/// </summary>
internal static class OcspEvaluator
{
    public static RevocationFinding Judge(BasicOcspResp response, BcCertificate certificate, BcCertificate issuer,
        DateTimeOffset at, DateTimeOffset now, TimeSpan skew)
    {
        try
        {
            return JudgeUnchecked(response, certificate, issuer, at, now, skew);
        }
        catch (Exception e) when (BouncyCastleErrors.IsParseError(e) || e is OcspException or Org.BouncyCastle.Security.GeneralSecurityException)
        {
            return new RevocationFinding(Unusable, $"an OCSP response about a certificate of '{issuer.SubjectDN}' cannot be decoded: {e.Message}");
        }
    }

    private static RevocationFinding JudgeUnchecked(BasicOcspResp response, BcCertificate certificate, BcCertificate issuer,
        DateTimeOffset at, DateTimeOffset now, TimeSpan skew)
    {
        var single = response.Responses.FirstOrDefault(r =>
            r.GetCertID() is { } id && id.SerialNumber.Equals(certificate.SerialNumber) && id.MatchesIssuer(issuer));
        if (single is null) return RevocationFinding.NotApplicable;

        var produced = CrlEvaluator.Utc(response.ProducedAt);
        var thisUpdate = CrlEvaluator.Utc(single.ThisUpdate);
        var name = $"the OCSP response produced {produced:u} (this update {thisUpdate:u})";
        if (Signer(response, issuer, produced) is not { } signer)
            return new RevocationFinding(Unusable, $"{name} is signed neither by '{issuer.SubjectDN}' nor by an OCSP responder it authorised");
        name += $" by '{signer}'";
        if (thisUpdate > now + skew || produced > now + skew)
            return new RevocationFinding(Unusable, $"{name} claims to be made in the future (now {now:u})");
        if (single.NextUpdate is { } next && CrlEvaluator.Utc(next) < thisUpdate)
            return new RevocationFinding(Unusable, $"{name} has its next update {CrlEvaluator.Utc(next):u} before its this-update");

        switch (single.GetCertStatus())
        {
            case null when thisUpdate >= at:
                return new RevocationFinding(Good, $"{name} says good");
            case null:
                return new RevocationFinding(Inconclusive, $"{name} says good, but speaks for {thisUpdate:u}, before {at:u}, the time the signature timestamp proves");
            case RevokedStatus revoked:
                return RevocationFinding.Listed($"{name} says", revoked.HasRevocationReason ? revoked.RevocationReason : CrlReason.Unspecified,
                    CrlEvaluator.Utc(revoked.RevocationTime), thisUpdate, at);
            default:
                return new RevocationFinding(Inconclusive, $"{name} says the responder does not know the certificate");
        }
    }

    /// <summary>The CA itself, or a responder certificate in the response that the CA issued for OCSP signing and that was valid when the response was produced.</summary>
    private static string? Signer(BasicOcspResp response, BcCertificate issuer, DateTimeOffset produced)
    {
        if (response.Verify(issuer.GetPublicKey())) return issuer.SubjectDN.ToString();
        foreach (var responder in response.GetCerts() ?? [])
        {
            if (!responder.IssuerDN.Equivalent(issuer.SubjectDN) || !responder.IsSignatureValid(issuer.GetPublicKey())) continue;
            if (!(responder.GetExtendedKeyUsage()?.Any(u => u.Id == SealCertificateRules.OcspSigningOid) ?? false)) continue;
            if (!responder.IsValid(produced.UtcDateTime)) continue;
            if (response.Verify(responder.GetPublicKey())) return responder.SubjectDN.ToString();
        }
        return null;
    }
}
