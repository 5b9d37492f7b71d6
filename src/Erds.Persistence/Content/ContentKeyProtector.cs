using System.Security.Cryptography;

namespace Erds.Persistence.Content;

// Wraps each message's content key under the provider's master key (AES-256-GCM), so the database
// alone never reveals content. The master key is a file with owner-only permissions; an HSM or key
// vault can replace this class behind the same two methods.
public sealed class ContentKeyProtector
{
    // A wrapped key is: version (1 byte) | nonce (12) | encrypted content key (32) | tag (16). The
    // version names the master key and this layout, so that a new master key can come in as version 2
    // while keys wrapped under version 1 stay readable. It is authenticated along with the message id.
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int WrappedSize = 1 + NonceSize + ContentEncryption.KeySize + ContentEncryption.TagSize;
    private readonly byte[] _masterKey;

    public ContentKeyProtector(byte[] masterKey)
    {
        if (masterKey.Length != ContentEncryption.KeySize) throw new ArgumentException("The content master key must be 32 bytes.", nameof(masterKey));
        _masterKey = masterKey;
    }

    public static ContentKeyProtector LoadOrCreate(string path) => new(MasterKeyFile.LoadOrCreate(path));

    public byte[] Wrap(byte[] contentKey, Guid messageId)
    {
        if (contentKey.Length != ContentEncryption.KeySize) throw new ArgumentException("A content key is 32 bytes.", nameof(contentKey));
        var wrapped = new byte[WrappedSize];
        wrapped[0] = Version;
        var nonce = wrapped.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_masterKey, ContentEncryption.TagSize);
        aes.Encrypt(nonce, contentKey, wrapped.AsSpan(1 + NonceSize, ContentEncryption.KeySize),
            wrapped.AsSpan(1 + NonceSize + ContentEncryption.KeySize), AssociatedData(Version, messageId));
        return wrapped;
    }

    public byte[] Unwrap(byte[] wrapped, Guid messageId)
    {
        if (wrapped.Length == 0) throw new ContentIntegrityException("Wrapped content key is empty.");
        if (wrapped[0] != Version) throw new ContentIntegrityException($"Wrapped content key has unknown format version {wrapped[0]}.");
        if (wrapped.Length != WrappedSize) throw new ContentIntegrityException("Wrapped content key has the wrong length.");
        var key = new byte[ContentEncryption.KeySize];
        using var aes = new AesGcm(_masterKey, ContentEncryption.TagSize);
        try
        {
            aes.Decrypt(wrapped.AsSpan(1, NonceSize), wrapped.AsSpan(1 + NonceSize, ContentEncryption.KeySize),
                wrapped.AsSpan(1 + NonceSize + ContentEncryption.KeySize), key, AssociatedData(wrapped[0], messageId));
        }
        catch (CryptographicException)
        {
            throw new ContentIntegrityException("The content key cannot be unwrapped: wrong master key or altered record.");
        }
        return key;
    }

    private static byte[] AssociatedData(byte version, Guid messageId)
    {
        var data = new byte[1 + 16];
        data[0] = version;
        messageId.TryWriteBytes(data.AsSpan(1));
        return data;
    }
}
