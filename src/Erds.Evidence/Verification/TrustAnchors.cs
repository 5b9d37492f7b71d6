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

    /// <summary>Reads the root certificate(s) of a PEM file.</summary>
    /// <exception cref="Pki.KeyMaterialException">The file cannot be read or holds no certificate.</exception>
    public static IReadOnlyList<X509Certificate2> ReadPem(string path)
    {
        var certificates = Pki.PemFiles.ReadCertificates(path);
        return certificates.Count > 0 ? [.. certificates] : throw new Pki.KeyMaterialException($"'{path}' holds no PEM certificate.");
    }
}
