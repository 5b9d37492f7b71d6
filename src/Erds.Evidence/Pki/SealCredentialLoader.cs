using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Signing;

namespace Erds.Evidence.Pki;

/// <summary>Loads the production seal from files and checks that it is fit to seal with.</summary>
public static class SealCredentialLoader
{
    /// <summary>Loads a seal from a PKCS#12 file holding exactly one certificate with a private key, plus its chain.</summary>
    /// <param name="path">The .p12/.pfx file.</param>
    /// <param name="password">The file password, or null when it has none.</param>
    /// <param name="time">The clock used to reject a certificate that is not yet or no longer valid.</param>
    /// <exception cref="KeyMaterialException">The file cannot be read or its seal is unfit.</exception>
    public static X509SealSigner FromPkcs12(string path, string? password, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        X509Certificate2Collection all;
        try
        {
            // Ephemeral keys never touch a key store on disk; macOS alone does not support them.
            var flags = OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
            all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, flags);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new KeyMaterialException($"Cannot read PKCS#12 seal file '{path}': {e.Message}", e);
        }
        var withKey = all.Where(c => c.HasPrivateKey).ToList();
        if (withKey.Count != 1)
            throw new KeyMaterialException($"PKCS#12 seal file '{path}' must hold exactly one certificate with a private key; it holds {withKey.Count}.");
        var seal = withKey[0];
        return Create(seal, all.Where(c => c != seal && !IsSelfIssued(c)).ToList(), $"'{path}'", time);
    }

    /// <summary>Loads a seal from a PEM certificate, an unencrypted PKCS#8/SEC1/PKCS#1 PEM key and optionally a PEM chain.</summary>
    /// <param name="certificatePath">The seal certificate (PEM).</param>
    /// <param name="keyPath">Its private key (PEM).</param>
    /// <param name="chainPath">Intermediate certificates (PEM), or null; self-signed roots in it are ignored.</param>
    /// <param name="time">The clock used to reject a certificate that is not yet or no longer valid.</param>
    /// <exception cref="KeyMaterialException">The files cannot be read, do not belong together, or the seal is unfit.</exception>
    public static X509SealSigner FromPem(string certificatePath, string keyPath, string? chainPath, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificatePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPath);
        ArgumentNullException.ThrowIfNull(time);
        X509Certificate2 seal;
        try
        {
            seal = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new KeyMaterialException($"Cannot load seal certificate '{certificatePath}' with key '{keyPath}': {e.Message}", e);
        }
        var chain = chainPath is null ? [] : PemFiles.ReadCertificates(chainPath).Where(c => !IsSelfIssued(c)).ToList();
        return Create(seal, chain, $"'{certificatePath}'", time);
    }

    internal static X509SealSigner Create(X509Certificate2 seal, IReadOnlyList<X509Certificate2> chain, string source, TimeProvider time)
    {
        SealCredentialValidator.Validate(seal, source, time);
        return new X509SealSigner(seal, chain);
    }

    private static bool IsSelfIssued(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
}
