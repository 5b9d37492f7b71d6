using Erds.Persistence;

namespace Erds.ServiceDefaults.DataProtection;

// Where ASP.NET Core's data-protection keys live. Every process of a deployment that shares the data
// directory (or these paths) shares the key ring, so that whatever one protects another can read.
public sealed class DataProtectionKeyOptions
{
    public const string Section = "Erds:DataProtection";

    // The key ring: one XML file per key, each encrypted at rest. Default: <DataDirectory>/keys/data-protection.
    public string? KeysDirectory { get; set; }

    // The 256-bit key that encrypts them, created (owner-only) when missing. Default: <DataDirectory>/keys/data-protection.key.
    public string? KeyEncryptionKeyPath { get; set; }

    public string KeysDirectoryIn(StorageOptions storage) => KeysDirectory ?? Path.Combine(storage.DataDirectory, "keys", "data-protection");

    public string KeyEncryptionKeyPathIn(StorageOptions storage) => KeyEncryptionKeyPath ?? Path.Combine(storage.DataDirectory, "keys", "data-protection.key");
}
