using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Timestamping;

namespace Erds.Evidence.Tests.TestSupport;

/// <summary>A TSA client that returns hand-made tokens unchecked, signed by any certificate.</summary>
internal sealed class ForgingTimestampClient(X509Certificate2 tsa, DateTimeOffset genTime) : ITimestampClient
{
    public Task<byte[]> GetTokenAsync(byte[] sha256Imprint, CancellationToken cancellationToken = default) =>
        Task.FromResult(ForgedTimestampToken.Create(tsa, sha256Imprint, genTime));
}
