using System.Security.Cryptography.X509Certificates;

namespace Erds.Evidence.Verification;

/// <summary>
/// Chain building against configured roots only: the system store is never consulted, nothing is
/// downloaded, and revocation is not checked here (<see cref="RevocationChecks"/> does that from the
/// data the caller gave, at the time the signature timestamp proves).
/// </summary>
internal static class CustomRootChain
{
    /// <returns>
    /// Null when <paramref name="leaf"/> chains to one of <paramref name="roots"/> at <paramref name="at"/>, setting
    /// <paramref name="chain"/> to the certificates from the leaf to that root; otherwise why not, with an empty chain.
    /// </returns>
    public static string? Problem(X509Certificate2 leaf, IEnumerable<X509Certificate2> extraCertificates, IReadOnlyList<X509Certificate2> roots,
        DateTimeOffset at, out IReadOnlyList<X509Certificate2> chain)
    {
        chain = [];
        if (roots.Count == 0)
            return "no trust anchors are configured";
        using var built = new X509Chain();
        var policy = built.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(roots.ToArray());
        policy.ExtraStore.AddRange(extraCertificates.ToArray());
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = at.UtcDateTime;
        policy.VerificationTimeIgnored = false;
        bool chains;
        try
        {
            chains = built.Build(leaf);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // OpenSSL gives up on some damaged certificates (a public key it cannot read) instead of
            // reporting a chain status (found by fuzzing).
            return $"'{leaf.Subject}' cannot be checked: {e.Message}";
        }
        if (!chains)
        {
            var statuses = built.ChainStatus.Select(s => $"{s.Status} ({s.StatusInformation.Trim()})");
            return $"'{leaf.Subject}' does not chain to a configured root at {at.UtcDateTime:u}: {string.Join("; ", statuses)}";
        }
        var top = built.ChainElements[^1].Certificate;
        if (!roots.Any(r => r.RawData.AsSpan().SequenceEqual(top.RawData)))
            return $"'{leaf.Subject}' chains to '{top.Subject}', which is not a configured root";
        // Copies: the chain's own certificates go with it.
        chain = built.ChainElements.Select(e => X509CertificateLoader.LoadCertificate(e.Certificate.RawData)).ToList();
        return null;
    }
}
