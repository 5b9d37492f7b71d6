using System.Text;
using Erds.Persistence.Content;
using Erds.Persistence.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Erds.Submission.Inbox;

// Streams every part of a message, decrypted, as one multipart/mixed response. Each part carries its
// identifier and SHA-256 so that the recipient can check it against the evidence.
public sealed class ContentResponseWriter(ContentStore content, ContentKeyProtector keys)
{
    public async Task WriteAllAsync(HttpResponse response, Message message, CancellationToken cancellationToken)
    {
        var boundary = "erds-" + Guid.NewGuid().ToString("N");
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = $"multipart/mixed; boundary=\"{boundary}\"";
        var key = keys.Unwrap(message.WrappedContentKey!, message.Id);
        foreach (var part in message.Parts.OrderBy(p => p.Ordinal))
        {
            await WriteAsciiAsync(response, $"--{boundary}\r\n{PartHeaders(part)}\r\n", cancellationToken);
            await using (var source = content.OpenRead(message.Id, part.Ordinal, key))
            {
                await source.CopyToAsync(response.Body, 64 * 1024, cancellationToken);
            }
            await WriteAsciiAsync(response, "\r\n", cancellationToken);
        }
        await WriteAsciiAsync(response, $"--{boundary}--\r\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public async Task WriteOneAsync(HttpResponse response, Message message, MessagePart part, CancellationToken cancellationToken)
    {
        var key = keys.Unwrap(message.WrappedContentKey!, message.Id);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = part.ContentType;
        response.ContentLength = part.Length;
        response.Headers["X-Erds-Part-Id"] = part.PartId;
        response.Headers["X-Erds-Sha256"] = Convert.ToHexStringLower(part.Sha256);
        if (part.FileName is not null) response.Headers.ContentDisposition = Disposition(part);
        await using var source = content.OpenRead(message.Id, part.Ordinal, key);
        await source.CopyToAsync(response.Body, 64 * 1024, cancellationToken);
    }

    private static string PartHeaders(MessagePart part)
    {
        var headers = new StringBuilder();
        headers.Append($"Content-Type: {part.ContentType}\r\n");
        headers.Append($"Content-Length: {part.Length}\r\n");
        headers.Append($"X-Erds-Part-Id: {part.PartId}\r\n");
        headers.Append($"X-Erds-Sha256: {Convert.ToHexStringLower(part.Sha256)}\r\n");
        if (part.FileName is not null) headers.Append($"Content-Disposition: {Disposition(part)}\r\n");
        return headers.ToString();
    }

    private static string Disposition(MessagePart part)
    {
        var value = new ContentDispositionHeaderValue("attachment");
        value.SetHttpFileName(part.FileName);
        return value.ToString();
    }

    private static Task WriteAsciiAsync(HttpResponse response, string text, CancellationToken cancellationToken) =>
        response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).AsTask();
}
