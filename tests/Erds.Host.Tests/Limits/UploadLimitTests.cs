using System.Net;
using System.Text;
using System.Text.Json;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests.Limits;

// What an upload may cost before it is refused, on Kestrel: a declared length over the limit is
// refused before the body is read; an upload that stops moving is refused after the idle timeout;
// an organisation's submissions at once are bounded.
public sealed class UploadLimitTests(KestrelLimitsFixture fixture) : IClassFixture<KestrelLimitsFixture>
{
    private const long MaxMessageBytes = 1L << 30;

    [Fact]
    public async Task A_declared_length_over_the_limit_gets_413_before_the_body_is_read()
    {
        var declared = MaxMessageBytes + 17L * 1024 * 1024;

        // Not a byte of the body is sent: the answer cannot depend on reading it.
        var answer = await RawHttpExchange.SendAsync(fixture.Host.BaseAddress, Headers(fixture.CourtToken, declared, "b"), [], TimeSpan.FromSeconds(30));

        Assert.Equal(413, answer.Status);
        Assert.StartsWith("application/problem+json", answer.Headers["Content-Type"]);
        Assert.Equal("urn:erds:problem:too-large", answer.Json.GetProperty("type").GetString());
        Assert.False(answer.Json.TryGetProperty("messageId", out _));
        Assert.Contains($"declares {declared} bytes", answer.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_upload_that_stalls_inside_a_part_gets_408_and_rejection_evidence_and_no_stored_content()
    {
        var content = KestrelLimitsFixture.Message(KestrelLimitsFixture.Court, KestrelLimitsFixture.Firm, new byte[256 * 1024]).ToContent();
        var body = await content.ReadAsByteArrayAsync();
        var boundary = content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');

        // The metadata and most of the attachment, then nothing more.
        var answer = await RawHttpExchange.SendAsync(fixture.Host.BaseAddress, Headers(fixture.CourtToken, body.Length, boundary), body[..^(100 * 1024)], TimeSpan.FromSeconds(30));

        Assert.Equal(408, answer.Status);
        Assert.Equal("urn:erds:problem:upload-stalled", answer.Json.GetProperty("type").GetString());
        var messageId = answer.Json.GetProperty("messageId").GetGuid();
        using var http = fixture.Client(fixture.CourtToken);
        var xml = await WaitForRejectionAsync(http, messageId);
        Assert.Contains("No data arrived", xml);
        Assert.False(Directory.Exists(Path.Combine(fixture.Host.DataDirectory, "content", messageId.ToString("N")[..2], messageId.ToString("N"))));
    }

    [Fact]
    public async Task A_retry_whose_upload_stalls_gets_408_not_key_reused()
    {
        var content = KestrelLimitsFixture.Message(KestrelLimitsFixture.Court, KestrelLimitsFixture.Firm, new byte[256 * 1024]).ToContent();
        var body = await content.ReadAsByteArrayAsync();
        var boundary = content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var key = Guid.NewGuid().ToString();
        var first = await RawHttpExchange.SendAsync(fixture.Host.BaseAddress, Headers(fixture.CourtToken, body.Length, boundary, key), body, TimeSpan.FromSeconds(30));
        Assert.Equal(202, first.Status);

        var retry = await RawHttpExchange.SendAsync(fixture.Host.BaseAddress, Headers(fixture.CourtToken, body.Length, boundary, key), body[..^(100 * 1024)], TimeSpan.FromSeconds(30));

        Assert.Equal(408, retry.Status);
        Assert.Equal("urn:erds:problem:upload-stalled", retry.Json.GetProperty("type").GetString());
    }

    private static string Headers(string token, long contentLength, string boundary, string? idempotencyKey = null) => $"""
        POST /api/v1/messages HTTP/1.1
        Host: 127.0.0.1
        Authorization: Bearer {token}
        Idempotency-Key: {idempotencyKey ?? Guid.NewGuid().ToString()}
        Content-Type: multipart/form-data; boundary="{boundary}"
        Content-Length: {contentLength}
        """;

    [Fact]
    public async Task A_submission_beyond_the_organisations_concurrent_ones_gets_429_and_the_held_one_completes()
    {
        using var court = fixture.Client(fixture.CourtToken);
        using var firm = fixture.Client(fixture.FirmToken);
        var held = await HeldContent.OfAsync(KestrelLimitsFixture.Message(KestrelLimitsFixture.Court, KestrelLimitsFixture.Firm).ToContent(), heldBack: 64);
        var first = KestrelLimitsFixture.SubmitAsync(court, held);
        await WaitUntilAsync(() => held.Written > 0);
        await Task.Delay(300);

        using var second = await KestrelLimitsFixture.SubmitAsync(court, KestrelLimitsFixture.Message(KestrelLimitsFixture.Court, KestrelLimitsFixture.Firm).ToContent());
        using var trailingSlash = await KestrelLimitsFixture.SubmitAsync(court, KestrelLimitsFixture.Message(KestrelLimitsFixture.Court, KestrelLimitsFixture.Firm).ToContent(), "/api/v1/messages/");
        using var otherOrganisation = await KestrelLimitsFixture.SubmitAsync(firm, KestrelLimitsFixture.Message(KestrelLimitsFixture.Firm, KestrelLimitsFixture.Court).ToContent());
        held.Release();
        using var firstAnswer = await first;

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("urn:erds:problem:too-many-concurrent-submissions", (await ErdsApi.ProblemAsync(second)).GetProperty("type").GetString());
        Assert.Equal("1", Assert.Single(second.Headers.GetValues("Retry-After")));
        Assert.Equal(HttpStatusCode.TooManyRequests, trailingSlash.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, otherOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, firstAnswer.StatusCode);
    }

    private static async Task<string> WaitForRejectionAsync(HttpClient http, Guid messageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var list = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/messages/{messageId}/evidence")).RootElement;
            var rejection = list.EnumerateArray().FirstOrDefault(e => e.GetProperty("event").GetString() == "SubmissionRejection");
            if (rejection.ValueKind == JsonValueKind.Object) return Encoding.UTF8.GetString(await http.GetByteArrayAsync(rejection.GetProperty("link").GetString()));
            Assert.True(DateTime.UtcNow < deadline, $"no SubmissionRejection evidence for {messageId}");
            await Task.Delay(100);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
