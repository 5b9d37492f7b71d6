using Erds.Evidence.Pki;
using Erds.Evidence.Signing;
using Erds.Persistence;

namespace Erds.EvidenceService;

// The provider's seal and, in development, its own root and timestamp authority certificate.
public sealed record ProviderKeys(ISealSigner Seal, ProviderKeyMaterial? Development)
{
    public static ProviderKeys Load(EvidenceServiceOptions options, StorageOptions storage, TimeProvider time)
    {
        if (options.KeySource == "Development")
        {
            var material = DevelopmentPki.LoadOrCreate(Path.Combine(storage.DataDirectory, "pki"), options.SealKeyType, options.ProviderName, time);
            return new ProviderKeys(material.Seal, material);
        }
        var seal = options.SealPkcs12Path is { } pkcs12
            ? SealCredentialLoader.FromPkcs12(pkcs12, options.SealPkcs12Password, time)
            : SealCredentialLoader.FromPem(
                options.SealCertificatePath ?? throw new KeyMaterialException("Erds:Evidence:SealCertificatePath (or SealPkcs12Path) is required with KeySource 'Files'."),
                options.SealKeyPath ?? throw new KeyMaterialException("Erds:Evidence:SealKeyPath is required with KeySource 'Files'."),
                options.SealChainPath, time);
        return new ProviderKeys(seal, null);
    }
}
