using System.Security.Cryptography.X509Certificates;

namespace Erds.Evidence.Verification;

/// <summary>
/// Chain building against configured roots only: the system store is never consulted, nothing is
/// downloaded, and revocation is not checked here (that needs the provider's revocation policy).
/// </summary>
internal static class CustomRootChain
{
    /// <returns>Null when <paramref name="leaf"/> chains to one of <paramref name="roots"/> at <paramref name="at"/>; otherwise why not.</returns>
    public static string? Problem(X509Certificate2 leaf, IEnumerable<X509Certificate2> extraCertificates, IReadOnlyList<X509Certificate2> roots, DateTimeOffset at)
    {
        if (roots.Count == 0)
            return "no trust anchors are configured";
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(roots.ToArray());
        policy.ExtraStore.AddRange(extraCertificates.ToArray());
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = at.UtcDateTime;
        policy.VerificationTimeIgnored = false;
        if (!chain.Build(leaf))
        {
            var statuses = chain.ChainStatus.Select(s => $"{s.Status} ({s.StatusInformation.Trim()})");
            return $"'{leaf.Subject}' does not chain to a configured root at {at.UtcDateTime:u}: {string.Join("; ", statuses)}";
        }
        var top = chain.ChainElements[^1].Certificate;
        return roots.Any(r => r.RawData.AsSpan().SequenceEqual(top.RawData))
            ? null
            : $"'{leaf.Subject}' chains to '{top.Subject}', which is not a configured root";
    }
}
