using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit;

namespace Erds.Host.Tests.Support;

// The API as one party uses it.
public sealed class ErdsApi(HttpClient http)
{
    public static ErdsApi For(TestProvider provider, Party party) => WithToken(provider, party.Token);

    // A client presenting this bearer token, or none.
    public static ErdsApi WithToken(TestProvider provider, string? token)
    {
        var client = provider.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ErdsApi(client);
    }

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> SubmitAsync(TestMessage submission, string? idempotencyKey = null, HttpContent? content = null, string? correlationId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages") { Content = content ?? submission.ToContent() };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        if (correlationId is not null) request.Headers.Add("X-Correlation-Id", correlationId);
        return await http.SendAsync(request);
    }

    public async Task<Guid> SubmitAcceptedAsync(TestMessage submission, string? correlationId = null)
    {
        using var response = await SubmitAsync(submission, correlationId: correlationId);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("messageId").GetGuid();
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    // Waits until the message has evidence for every one of the given events (the bus is asynchronous).
    public async Task<List<EvidenceFile>> WaitForEvidenceAsync(Guid messageId, params string[] events)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var list = await GetJsonAsync($"/api/v1/messages/{messageId}/evidence");
            var present = list.EnumerateArray().Select(e => e.GetProperty("event").GetString()!).ToList();
            if (events.All(present.Contains))
            {
                var files = new List<EvidenceFile>();
                foreach (var e in list.EnumerateArray())
                {
                    var bytes = await http.GetByteArrayAsync(e.GetProperty("link").GetString());
                    files.Add(new EvidenceFile(e.GetProperty("event").GetString()!, e.GetProperty("recipientIndex").GetInt32(), e.GetProperty("evidenceId").GetGuid(), bytes));
                }
                return files;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Message {messageId}: waited for [{string.Join(", ", events)}], have [{string.Join(", ", present)}].");
            }
            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

public sealed record EvidenceFile(string Event, int RecipientIndex, Guid EvidenceId, byte[] Xml);
