using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Erds.ServiceDefaults.DataProtection;

// Reads what KeyRingEncryptor wrote. ASP.NET Core creates it by type name from the key file, handing
// it the service provider.
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetRequiredService<KeyEncryptionKey>();
        if (encryptedElement.Name != KeyRingEncryptor.Encrypted) throw new CryptographicException($"Not a key encrypted by ErdsService: {encryptedElement.Name}.");
        var keyId = (string?)encryptedElement.Attribute("keyEncryptionKey");
        if (keyId != key.Id)
        {
            throw new CryptographicException(
                $"This data-protection key was encrypted under key-encryption key {keyId}, not under the present one ({key.Id}): the key file was replaced.");
        }
        byte[] Part(string name) => Convert.FromBase64String((string?)encryptedElement.Element(KeyRingEncryptor.Namespace + name)
            ?? throw new CryptographicException($"The encrypted data-protection key lacks its {name}."));
        var ciphertext = Part("ciphertext");
        var plaintext = new byte[ciphertext.Length];
        var tag = Part("tag");
        using (var aes = new AesGcm(key.Key, tag.Length)) aes.Decrypt(Part("nonce"), ciphertext, tag, plaintext, KeyRingEncryptor.AssociatedData);
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
