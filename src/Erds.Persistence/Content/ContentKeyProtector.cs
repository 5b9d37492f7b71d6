using System.Security.Cryptography;

namespace Erds.Persistence.Content;

// Wraps each message's content key under the provider's master key (AES-256-GCM), so the database
// alone never reveals content. The master key is a file with owner-only permissions; an HSM or key
// vault can replace this class behind the same two methods.
public sealed class ContentKeyProtector
{
    private const int NonceSize = 12;
    private readonly byte[] _masterKey;

    public ContentKeyProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32) throw new ArgumentException("The content master key must be 32 bytes.", nameof(masterKey));
        _masterKey = masterKey;
    }

    public static ContentKeyProtector LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var file = new FileStream(path, options);
            file.Write(RandomNumberGenerator.GetBytes(32));
        }
        var key = File.ReadAllBytes(path);
        return new ContentKeyProtector(key);
    }

    public byte[] Wrap(byte[] contentKey, Guid messageId)
    {
        var wrapped = new byte[NonceSize + contentKey.Length + ContentEncryption.TagSize];
        var nonce = wrapped.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_masterKey, ContentEncryption.TagSize);
        aes.Encrypt(nonce, contentKey, wrapped.AsSpan(NonceSize, contentKey.Length),
            wrapped.AsSpan(NonceSize + contentKey.Length), messageId.ToByteArray());
        return wrapped;
    }

    public byte[] Unwrap(byte[] wrapped, Guid messageId)
    {
        var length = wrapped.Length - NonceSize - ContentEncryption.TagSize;
        if (length != ContentEncryption.KeySize) throw new ContentIntegrityException("Wrapped content key has the wrong length.");
        var key = new byte[length];
        using var aes = new AesGcm(_masterKey, ContentEncryption.TagSize);
        try
        {
            aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize, length),
                wrapped.AsSpan(NonceSize + length), key, messageId.ToByteArray());
        }
        catch (CryptographicException)
        {
            throw new ContentIntegrityException("The content key cannot be unwrapped: wrong master key or altered record.");
        }
        return key;
    }
}
