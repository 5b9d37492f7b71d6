using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Signing;

namespace Erds.Evidence.Pki;

/// <summary>
/// A throwaway PKI for development and tests: a root, a seal and a timestamp authority, created once in a
/// directory and loaded from it afterwards. Never use it for qualified service.
/// </summary>
public static class DevelopmentPki
{
    /// <summary>
    /// Loads the development PKI from <paramref name="directory"/>, creating it there on first use
    /// (file names in <see cref="DevelopmentPkiFiles"/>; private keys readable by the owner only).
    /// </summary>
    /// <param name="directory">Where the PEM files live; created when missing.</param>
    /// <param name="keyType">The seal key type; must match an existing seal key.</param>
    /// <param name="providerName">The provider's name, used in the certificate subjects.</param>
    /// <param name="time">The clock for validity periods and the seal expiry check.</param>
    /// <exception cref="KeyMaterialException">
    /// The directory holds an incomplete PKI, a seal key of another type or for another provider, or an expired seal.
    /// </exception>
    public static ProviderKeyMaterial LoadOrCreate(string directory, SealKeyType keyType, string providerName, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(time);
        var existing = DevelopmentPkiFiles.All.Where(f => File.Exists(Path.Combine(directory, f))).ToList();
        if (existing.Count == 0)
            Create(directory, keyType, providerName, time.GetUtcNow());
        else if (existing.Count != DevelopmentPkiFiles.All.Length)
            throw new KeyMaterialException(
                $"Development PKI in '{directory}' is incomplete (missing {string.Join(", ", DevelopmentPkiFiles.All.Except(existing))}). " +
                "Restore the files, or delete the directory to create a new PKI (evidence sealed under the old root will no longer verify against it).");
        return Load(directory, keyType, providerName, time);
    }

    private static void Create(string directory, SealKeyType keyType, string providerName, DateTimeOffset now)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(directory);
        else
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // Back-dated an hour so a clock slightly behind on another machine still accepts the fresh certificates.
        var notBefore = now.AddHours(-1);
        using var root = CertificateIssuer.CreateRoot(Name($"{providerName} Development Root CA", providerName), notBefore, now.AddYears(10));
        using var seal = IssueSeal(root, keyType, providerName, notBefore, now.AddYears(2));
        using var tsaKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var tsa = CertificateIssuer.Issue(root, Name($"{providerName} Development TSA", providerName), tsaKey,
            notBefore, now.AddYears(2), CertificateIssuer.TsaExtensions());

        // Keys first: a crash leaves an incomplete directory, which the next call reports instead of half-loading.
        PemFiles.WritePrivateKey(Path.Combine(directory, DevelopmentPkiFiles.RootKey), CertificateIssuer.ExportPrivateKeyPem(root));
        PemFiles.WritePrivateKey(Path.Combine(directory, DevelopmentPkiFiles.SealKey), CertificateIssuer.ExportPrivateKeyPem(seal));
        PemFiles.WritePrivateKey(Path.Combine(directory, DevelopmentPkiFiles.TsaKey), CertificateIssuer.ExportPrivateKeyPem(tsa));
        PemFiles.WriteCertificate(Path.Combine(directory, DevelopmentPkiFiles.RootCertificate), root);
        PemFiles.WriteCertificate(Path.Combine(directory, DevelopmentPkiFiles.SealCertificate), seal);
        PemFiles.WriteCertificate(Path.Combine(directory, DevelopmentPkiFiles.TsaCertificate), tsa);
    }

    private static X509Certificate2 IssueSeal(X509Certificate2 root, SealKeyType keyType, string providerName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using AsymmetricAlgorithm key = keyType switch
        {
            SealKeyType.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
            SealKeyType.Rsa3072 => RSA.Create(3072),
            _ => throw new ArgumentOutOfRangeException(nameof(keyType), keyType, "Unknown seal key type."),
        };
        return CertificateIssuer.Issue(root, Name($"{providerName} seal", providerName), key, notBefore, notAfter, [CertificateIssuer.SealKeyUsage()]);
    }

    private static ProviderKeyMaterial Load(string directory, SealKeyType keyType, string providerName, TimeProvider time)
    {
        string PathOf(string file) => Path.Combine(directory, file);
        var root = PemFiles.ReadCertificate(PathOf(DevelopmentPkiFiles.RootCertificate));
        var sealCertificate = PemFiles.ReadCertificate(PathOf(DevelopmentPkiFiles.SealCertificate));
        var stored = SealKeys.TypeOf(sealCertificate);
        if (stored != keyType)
            throw new KeyMaterialException(
                $"Development PKI in '{directory}' holds a {stored?.ToString() ?? SealKeys.Describe(sealCertificate)} seal key, but {keyType} is configured. " +
                "Change the configured key type, or delete the directory to create a new PKI.");
        var expectedName = $"{providerName} seal";
        if (sealCertificate.GetNameInfo(X509NameType.SimpleName, false) != expectedName)
            throw new KeyMaterialException(
                $"Development PKI in '{directory}' was made for '{sealCertificate.Subject}', not for provider '{providerName}'. " +
                "Change the configured provider name, or delete the directory to create a new PKI.");

        var seal = LoadWithKey(PathOf(DevelopmentPkiFiles.SealCertificate), PathOf(DevelopmentPkiFiles.SealKey));
        var tsa = LoadWithKey(PathOf(DevelopmentPkiFiles.TsaCertificate), PathOf(DevelopmentPkiFiles.TsaKey));
        return new ProviderKeyMaterial(root, SealCredentialLoader.Create(seal, [], $"'{directory}'", time), tsa);
    }

    private static X509Certificate2 LoadWithKey(string certificatePath, string keyPath)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (CryptographicException e)
        {
            throw new KeyMaterialException($"'{keyPath}' is not the private key of '{certificatePath}': {e.Message}", e);
        }
    }

    private static X500DistinguishedName Name(string commonName, string organization)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        builder.AddOrganizationName(organization);
        return builder.Build();
    }
}
