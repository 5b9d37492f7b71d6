using System.Security.Cryptography;
using System.Text;

namespace Erds.Persistence.Entities;

// API tokens look like "erds_<credential id>_<secret>". The id finds the credential; only the
// SHA-256 of the secret is stored, and it is compared in constant time.
public static class ApiTokens
{
    private const string Prefix = "erds_";

    public static (string Token, Guid CredentialId, byte[] SecretHash) Create()
    {
        var id = Guid.NewGuid();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{id:N}_{secret}", id, Hash(secret));
    }

    public static bool TryParse(string token, out Guid credentialId, out string secret)
    {
        credentialId = Guid.Empty;
        secret = "";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length != Prefix.Length + 32 + 1 + 43) return false;
        var body = token.AsSpan(Prefix.Length);
        if (body[32] != '_' || !Guid.TryParseExact(body[..32], "N", out credentialId)) return false;
        secret = body[33..].ToString();
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    public static bool Matches(string secret, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
