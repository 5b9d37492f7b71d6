using System.Security.Cryptography;
using System.Xml.Linq;
using Erds.Persistence;
using Erds.ServiceDefaults.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Erds.ServiceDefaults.Tests;

// The data-protection keys as written to disk: the secret is encrypted, tampering is detected, and a
// replaced key-encryption key is named as the cause rather than reported as a corrupt key.
public sealed class KeyRingEncryptionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "erds-keyring-" + Guid.NewGuid().ToString("N"));

    private static readonly XElement Secret = XElement.Parse("<masterKey xmlns=\"urn:test\"><value>c2VjcmV0IGtleSBtYXRlcmlhbCBvZiB0aGlydHkgdHdvIGJ5dGVz</value></masterKey>");

    [Fact]
    public void A_key_is_written_without_its_secret_and_read_back_as_it_was()
    {
        using var services = Services();

        var encrypted = new KeyRingEncryptor(services.GetRequiredService<KeyEncryptionKey>()).Encrypt(Secret);

        Assert.Equal(typeof(KeyRingDecryptor), encrypted.DecryptorType);
        Assert.DoesNotContain("c2VjcmV0", encrypted.EncryptedElement.ToString());
        Assert.Equal(Secret.ToString(), new KeyRingDecryptor(services).Decrypt(encrypted.EncryptedElement).ToString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "keys", "data-protection.key")));
        }
    }

    [Fact]
    public void A_changed_ciphertext_is_refused()
    {
        using var services = Services();
        var encrypted = new KeyRingEncryptor(services.GetRequiredService<KeyEncryptionKey>()).Encrypt(Secret).EncryptedElement;
        var ciphertext = encrypted.Element(KeyRingEncryptor.Namespace + "ciphertext")!;
        var bytes = Convert.FromBase64String(ciphertext.Value);
        bytes[0] ^= 1;
        ciphertext.Value = Convert.ToBase64String(bytes);

        Assert.ThrowsAny<CryptographicException>(() => new KeyRingDecryptor(services).Decrypt(encrypted));
    }

    [Fact]
    public void A_key_encrypted_under_another_key_encryption_key_is_reported_as_such()
    {
        XElement encrypted;
        using (var services = Services()) encrypted = new KeyRingEncryptor(services.GetRequiredService<KeyEncryptionKey>()).Encrypt(Secret).EncryptedElement;
        File.Delete(Path.Combine(_directory, "keys", "data-protection.key"));

        using var replaced = Services();
        var error = Assert.Throws<CryptographicException>(() => new KeyRingDecryptor(replaced).Decrypt(encrypted));
        Assert.Contains("key file was replaced", error.Message);
    }

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(new DataProtectionKeyOptions()));
        services.AddSingleton(Options.Create(new StorageOptions { DataDirectory = _directory }));
        services.AddSingleton<KeyEncryptionKey>();
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
