using System.Buffers;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Erds.Cli.Api;

namespace Erds.Cli.Bench;

// The three calls a bench message makes, each failure turned into a BenchFailure of a countable kind.
internal sealed class BenchClient(ProviderClient sender, ProviderClient recipient, BenchSettings settings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> SubmitAsync(int index, CancellationToken cancellationToken)
    {
        var metadata = new
        {
            from = settings.From,
            recipients = new[] { new { identifier = settings.To, scheme = "mailto" } },
            subject = $"bench {index}",
            consignmentMode = "basic",
        };
        using var content = new MultipartFormDataContent
        {
            { JsonContent.Create(metadata), "metadata" },
        };
        for (var k = 0; k < settings.Attachments; k++)
        {
            var part = new StreamContent(new GeneratedContent(settings.AttachmentBytes, ((ulong)(uint)index << 16) | (uint)k), 64 * 1024);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "attachment", $"bench-{index}-{k + 1}.bin");
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages") { Content = content };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await SendAsync(sender, request, "submit", cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        return answer.TryGetProperty("messageId", out var id) && id.TryGetGuid(out var messageId)
            ? messageId
            : throw new BenchFailure("submit: no message id", $"HTTP {(int)response.StatusCode}");
    }

    // The evidence lists of several messages in one request; messages the provider does not know are absent.
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<EvidenceListItem>>> ListEvidenceAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        var query = string.Join('&', messageIds.Select(id => $"messageId={id}"));
        using var response = await SendAsync(sender, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/messages/evidence?{query}"), "evidence list", cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<EvidenceOfMessages>(Json, cancellationToken)
            ?? throw new BenchFailure("evidence list: empty answer");
        return answer.Messages.ToDictionary(m => m.MessageId, m => m.Evidence ?? []);
    }

    // The recipient's retrieval, the handover. The content goes to a null sink: only its length is checked.
    public async Task<long> RetrieveAsync(Guid messageId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(recipient, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/inbox/{messageId}/content"), "retrieve", cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0) total += read;
            return total >= settings.AttachmentBytes * settings.Attachments
                ? total
                : throw new BenchFailure("retrieve: truncated", $"{total} bytes");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(ProviderClient client, HttpRequestMessage request, string stage, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendUncheckedAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new BenchFailure($"{stage}: connection", ex.Message);
        }
        finally
        {
            request.Dispose();
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            throw new BenchFailure($"{stage}: HTTP {(int)response.StatusCode}", await ProviderClient.DescribeAsync(response, cancellationToken));
        }
    }
}
