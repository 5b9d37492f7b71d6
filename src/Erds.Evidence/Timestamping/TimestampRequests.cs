using System.Security.Cryptography;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;

namespace Erds.Evidence.Timestamping;

internal static class TimestampRequests
{
    /// <summary>A request over a SHA-256 imprint with a fresh 64-bit nonce, asking for the TSA certificate.</summary>
    public static TimeStampRequest Create(byte[] sha256Imprint)
    {
        ArgumentNullException.ThrowIfNull(sha256Imprint);
        if (sha256Imprint.Length != SHA256.HashSizeInBytes)
            throw new ArgumentException($"A SHA-256 imprint has {SHA256.HashSizeInBytes} bytes, not {sha256Imprint.Length}.", nameof(sha256Imprint));
        var generator = new TimeStampRequestGenerator();
        // The XAdES verifier needs the TSA certificate inside the token; without certReq a TSA must leave it out.
        generator.SetCertReq(true);
        var nonce = new BigInteger(1, RandomNumberGenerator.GetBytes(8));
        return generator.Generate(HashAlgorithmOids.Sha256, sha256Imprint, nonce);
    }
}
