using System.Security.Cryptography;
using Erds.Evidence.Timestamping;

namespace Erds.Evidence.Tests.TestSupport;

/// <summary>A TSA client that timestamps something other than what it was asked to: a token over the wrong imprint.</summary>
internal sealed class RedirectingTimestampClient(ITimestampClient inner) : ITimestampClient
{
    public Task<byte[]> GetTokenAsync(byte[] sha256Imprint, CancellationToken cancellationToken = default) =>
        inner.GetTokenAsync(SHA256.HashData(sha256Imprint), cancellationToken);
}
