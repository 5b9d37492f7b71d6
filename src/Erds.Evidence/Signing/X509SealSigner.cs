using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Pki;

namespace Erds.Evidence.Signing;

/// <summary>
/// A seal whose private key is held in process (loaded from PKCS#12 or PEM). Use
/// <see cref="SealCredentialLoader"/> to load one with its fitness checks; this class only signs.
/// </summary>
public sealed class X509SealSigner : ISealSigner, IDisposable
{
    private readonly ECDsa? _ecdsa;
    private readonly RSA? _rsa;

    /// <summary>Wraps a certificate that carries its private key.</summary>
    /// <param name="certificate">The seal certificate with its private key.</param>
    /// <param name="chain">Intermediate certificates up to, not including, the root.</param>
    /// <exception cref="KeyMaterialException">No private key, or a key type we do not seal with.</exception>
    public X509SealSigner(X509Certificate2 certificate, IReadOnlyList<X509Certificate2>? chain = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        KeyType = SealKeys.TypeOf(certificate)
            ?? throw new KeyMaterialException($"Seal certificate '{certificate.Subject}' has {SealKeys.Describe(certificate)}; supported are ECDSA P-256 and RSA-3072.");
        _ecdsa = certificate.GetECDsaPrivateKey();
        _rsa = _ecdsa is null ? certificate.GetRSAPrivateKey() : null;
        if (_ecdsa is null && _rsa is null)
            throw new KeyMaterialException($"Seal certificate '{certificate.Subject}' has no private key.");
        Certificate = certificate;
        Chain = chain ?? [];
    }

    /// <inheritdoc />
    public X509Certificate2 Certificate { get; }

    /// <inheritdoc />
    public IReadOnlyList<X509Certificate2> Chain { get; }

    /// <inheritdoc />
    public SealKeyType KeyType { get; }

    /// <inheritdoc />
    public byte[] SignSha256(ReadOnlySpan<byte> data) => _ecdsa is not null
        ? _ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
        : _rsa!.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>Releases the private key handles.</summary>
    public void Dispose()
    {
        _ecdsa?.Dispose();
        _rsa?.Dispose();
    }
}
