using Org.BouncyCastle.Asn1.X509;
using static Erds.Evidence.Verification.RevocationFindingKind;

namespace Erds.Evidence.Verification;

/// <summary>What one CRL or OCSP response says about one certificate at the time of interest.</summary>
internal enum RevocationFindingKind
{
    /// <summary>It speaks for another certificate or issuer; left out of the report.</summary>
    NotApplicable,
    /// <summary>It speaks for this certificate's issuer but cannot be relied on (signature, times, unsupported kind).</summary>
    Unusable,
    /// <summary>It is genuine but says nothing about the time of interest (issued before it, or after the certificate expired).</summary>
    Inconclusive,
    /// <summary>It shows the certificate was not revoked at the time of interest.</summary>
    Good,
    /// <summary>It shows the certificate revoked (or on hold) at or before the time of interest.</summary>
    Revoked,
}

/// <param name="Kind">What it shows.</param>
/// <param name="Detail">In words, naming the CRL or response.</param>
internal sealed record RevocationFinding(RevocationFindingKind Kind, string Detail)
{
    public static readonly RevocationFinding NotApplicable = new(RevocationFindingKind.NotApplicable, "");

    /// <summary>What a CRL entry or an OCSP revoked status shows at <paramref name="at"/>, the time the signature timestamp proves.</summary>
    /// <param name="source">The CRL or response and its verb ("the CRL of … lists it", "the OCSP response … says").</param>
    /// <param name="reason">The CRLReason code.</param>
    /// <param name="since">Revoked (or compromised, or on hold) since.</param>
    /// <param name="thisUpdate">The time the CRL or response speaks for.</param>
    /// <param name="at">The time of interest.</param>
    public static RevocationFinding Listed(string source, int reason, DateTimeOffset since, DateTimeOffset thisUpdate, DateTimeOffset at)
    {
        var what = reason == CrlReason.CertificateHold ? "on hold (suspended)" : $"revoked ({ReasonName(reason)})";
        // A revocation is for ever; a hold may have been lifted, so only data from that time or later shows it held then.
        if (since <= at && (reason != CrlReason.CertificateHold || thisUpdate >= at))
            return new RevocationFinding(Revoked, $"{source} {what} since {since:u}, not after {at:u}, the time the signature timestamp proves");
        if (since > at && thisUpdate >= at)
            return new RevocationFinding(Good, $"{source} {what} only since {since:u}, after {at:u}, the time the signature timestamp proves");
        return new RevocationFinding(Inconclusive, $"{source} {what} since {since:u}, but speaks for {thisUpdate:u}, before {at:u}, so it cannot show the status then");
    }

    private static string ReasonName(int reason) => reason switch
    {
        CrlReason.KeyCompromise => "key compromise",
        CrlReason.CACompromise => "CA compromise",
        CrlReason.AffiliationChanged => "affiliation changed",
        CrlReason.Superseded => "superseded",
        CrlReason.CessationOfOperation => "cessation of operation",
        CrlReason.CertificateHold => "certificate hold",
        CrlReason.PrivilegeWithdrawn => "privilege withdrawn",
        CrlReason.AACompromise => "AA compromise",
        _ => "reason unspecified",
    };
}
