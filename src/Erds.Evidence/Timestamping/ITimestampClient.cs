namespace Erds.Evidence.Timestamping;

/// <summary>Obtains RFC 3161 timestamp tokens, from the built-in authority or an external one.</summary>
public interface ITimestampClient
{
    /// <summary>
    /// Returns the DER-encoded timestamp token (a CMS SignedData) over a SHA-256 message imprint,
    /// after checking that the token answers this request (imprint, nonce) and is signed by a
    /// certificate with the critical timeStamping extended key usage.
    /// </summary>
    Task<byte[]> GetTokenAsync(byte[] sha256Imprint, CancellationToken cancellationToken = default);
}
