using Erds.Evidence.Timestamping;

namespace Erds.Host.Tests.Support;

// A timestamp authority that is unreachable for its first few requests, then answers as before.
public sealed class FlakyTimestampClient(ITimestampClient inner, int failures) : ITimestampClient
{
    private int _requests;

    public int Failed => Math.Min(_requests, failures);

    public Task<byte[]> GetTokenAsync(byte[] sha256Imprint, CancellationToken cancellationToken = default) =>
        Interlocked.Increment(ref _requests) <= failures
            ? throw new HttpRequestException("The timestamp authority is unreachable (test).")
            : inner.GetTokenAsync(sha256Imprint, cancellationToken);
}
