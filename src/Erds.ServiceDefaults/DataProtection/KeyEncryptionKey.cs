using System.Security.Cryptography;
using Erds.Persistence;
using Erds.Persistence.Content;
using Microsoft.Extensions.Options;

namespace Erds.ServiceDefaults.DataProtection;

// The key that encrypts the data-protection key ring at rest, read (or created) on first use. Its id,
// the start of its SHA-256, is written beside every key it encrypts, so that a replaced key file is
// reported as such rather than as a corrupt key.
public sealed class KeyEncryptionKey(IOptions<DataProtectionKeyOptions> options, IOptions<StorageOptions> storage)
{
    private readonly Lazy<(byte[] Key, string Id)> _key = new(() =>
    {
        var key = MasterKeyFile.LoadOrCreate(options.Value.KeyEncryptionKeyPathIn(storage.Value), "data-protection key-encryption key",
            "the data-protection keys cannot be read, and new ones are made (nothing the service keeps depends on the old ones)");
        return (key, Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8)));
    });

    public byte[] Key => _key.Value.Key;

    public string Id => _key.Value.Id;
}
