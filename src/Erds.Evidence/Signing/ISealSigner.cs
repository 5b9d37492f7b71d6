using System.Security.Cryptography.X509Certificates;

namespace Erds.Evidence.Signing;

/// <summary>
/// The provider's seal key, behind a seam: the in-process implementation holds the key in memory; an
/// HSM (PKCS#11) implementation signs inside the device and never exposes it.
/// </summary>
public interface ISealSigner
{
    /// <summary>The seal certificate (public part only is needed).</summary>
    X509Certificate2 Certificate { get; }

    /// <summary>Intermediate certificates up to, not including, the root.</summary>
    IReadOnlyList<X509Certificate2> Chain { get; }

    /// <summary>The key type, which fixes the XML signature algorithm.</summary>
    SealKeyType KeyType { get; }

    /// <summary>Signs <paramref name="data"/> with SHA-256: PKCS#1 v1.5 for RSA, IEEE P1363 (r||s) for ECDSA.</summary>
    byte[] SignSha256(ReadOnlySpan<byte> data);
}
