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
}
