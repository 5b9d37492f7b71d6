using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace Erds.Evidence.Timestamping;

/// <summary>
/// Obtains tokens from an external RFC 3161 timestamp authority over HTTP (RFC 3161 §3.4), and accepts a
/// token only when it answers this request and chains to the configured TSA roots.
/// </summary>
/// <param name="httpClient">The client; configure its timeout and any TLS client certificate it needs.</param>
/// <param name="endpoint">The TSA URL.</param>
/// <param name="trustRoots">The roots the TSA certificate must chain to.</param>
public sealed class HttpTimestampClient(HttpClient httpClient, Uri endpoint, IReadOnlyList<X509Certificate2> trustRoots) : ITimestampClient
{
    private const string QueryMediaType = "application/timestamp-query";
    private const string ReplyMediaType = "application/timestamp-reply";
    // A token with a certificate chain is a few kilobytes; more than this is not a timestamp reply.
    private const int MaxReplyBytes = 256 * 1024;

    /// <inheritdoc />
    /// <exception cref="TimestampException">The TSA is unreachable, refuses, or its reply does not verify.</exception>
    public async Task<byte[]> GetTokenAsync(byte[] sha256Imprint, CancellationToken cancellationToken = default)
    {
        var request = TimestampRequests.Create(sha256Imprint);
        using var content = new ByteArrayContent(request.GetEncoded());
        content.Headers.ContentType = new MediaTypeHeaderValue(QueryMediaType);
        byte[] reply;
        try
        {
            using var response = await httpClient.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new TimestampException(TimestampFailure.Unavailable, $"Timestamp authority {endpoint} answered HTTP {(int)response.StatusCode}.");
            if (response.Content.Headers.ContentType?.MediaType is not ReplyMediaType)
                throw new TimestampException(TimestampFailure.MalformedResponse,
                    $"Timestamp authority {endpoint} answered {response.Content.Headers.ContentType?.MediaType ?? "no media type"}, not {ReplyMediaType}.");
            reply = await ReadLimitedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new TimestampException(TimestampFailure.Unavailable, $"Timestamp authority {endpoint} is unreachable: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimestampException(TimestampFailure.Unavailable, $"Timestamp authority {endpoint} did not answer in time.", e);
        }
        return TimestampResponseValidator.Validate(request, reply, trustRoots);
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxReplyBytes)
                throw new TimestampException(TimestampFailure.MalformedResponse, $"Timestamp reply exceeds {MaxReplyBytes} bytes.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
