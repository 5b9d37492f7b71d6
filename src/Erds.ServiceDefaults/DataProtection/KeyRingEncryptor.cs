using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Erds.ServiceDefaults.DataProtection;

// Encrypts each data-protection key before it is written (AES-256-GCM under the KeyEncryptionKey), so
// that the key files hold no usable secret: ASP.NET Core would otherwise write them in plain text.
public sealed class KeyRingEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public static readonly XNamespace Namespace = "urn:erds:data-protection:v1";
    public static readonly XName Encrypted = Namespace + "encryptedKey";
    internal static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes(Namespace.NamespaceName);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key.Key, tag.Length)) aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData);
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(Encrypted,
            new XAttribute("keyEncryptionKey", key.Id),
            new XElement(Namespace + "nonce", Convert.ToBase64String(nonce)),
            new XElement(Namespace + "ciphertext", Convert.ToBase64String(ciphertext)),
            new XElement(Namespace + "tag", Convert.ToBase64String(tag)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}
