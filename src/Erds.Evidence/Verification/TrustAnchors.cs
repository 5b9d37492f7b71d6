using System.Security.Cryptography.X509Certificates;

namespace Erds.Evidence.Verification;

/// <summary>
/// The root certificates an auditor trusts: for the provider's seal and for timestamp authorities.
/// Verification never trusts a certificate merely because the evidence carries it.
/// </summary>
/// <param name="SealRoots">Roots the seal certificate must chain to.</param>
/// <param name="TimestampRoots">Roots the timestamp authority certificate must chain to.</param>
public sealed record TrustAnchors(IReadOnlyList<X509Certificate2> SealRoots, IReadOnlyList<X509Certificate2> TimestampRoots)
{
    /// <summary>One root for both the seal and the timestamp authority (the development PKI).</summary>
    public static TrustAnchors Single(X509Certificate2 root) => new([root], [root]);
}
