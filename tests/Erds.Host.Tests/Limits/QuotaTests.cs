using System.Net;
using System.Text;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests.Limits;

// Per-organisation quotas: messages per UTC day (429 until midnight) and bytes of content stored
// (403 at the door, or SubmissionRejection evidence when the content itself goes over).
public sealed class QuotaTests
{
    [Fact]
    public async Task The_daily_message_quota_counts_rejections_too_and_opens_again_the_next_day()
    {
        await using var provider = await LimitedProvider.StartAsync(("MessagesPerDay", "2"));
        var (court, firm) = (provider.Parties.Court, provider.Parties.Firm);
        await provider.Court.SubmitAcceptedAsync(TestMessage.Between(court, firm));
        using var rejected = await provider.Court.SubmitAsync(TestMessage.Between(court, firm) with { Body = null, Attachments = [] });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        var before = await provider.MessageCountAsync();

        using var third = await provider.Court.SubmitAsync(TestMessage.Between(court, firm));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var problem = await ErdsApi.ProblemAsync(third);
        Assert.Equal("urn:erds:problem:message-quota-exceeded", problem.GetProperty("type").GetString());
        Assert.False(problem.TryGetProperty("messageId", out _));
        var now = provider.Provider.Clock.GetUtcNow();
        var untilMidnight = (now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime).TotalSeconds;
        Assert.InRange(int.Parse(Assert.Single(third.Headers.GetValues("Retry-After"))), untilMidnight - 5, untilMidnight + 5);
        Assert.Equal(before, await provider.MessageCountAsync());
        await provider.Firm.SubmitAcceptedAsync(TestMessage.Between(firm, court));

        provider.Provider.Clock.SetUtcNow(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddMinutes(1), TimeSpan.Zero));
        await provider.Court.SubmitAcceptedAsync(TestMessage.Between(court, firm));
    }

    [Fact]
    public async Task Content_over_the_storage_quota_is_rejected_with_evidence_and_a_full_quota_is_refused_at_the_door()
    {
        await using var provider = await LimitedProvider.StartAsync(("StoredBytes", "1000"));
        var (court, firm) = (provider.Parties.Court, provider.Parties.Firm);
        TestMessage Sized(int bytes) => TestMessage.Between(court, firm) with { Body = null, Attachments = [("stuk.bin", "application/octet-stream", new byte[bytes])] };

        await provider.Court.SubmitAcceptedAsync(Sized(600));
        var key = Guid.NewGuid().ToString();
        using var over = await provider.Court.SubmitAsync(Sized(401), idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Forbidden, over.StatusCode);
        var problem = await ErdsApi.ProblemAsync(over);
        Assert.Equal("urn:erds:problem:storage-quota-exceeded", problem.GetProperty("type").GetString());
        var rejectedId = problem.GetProperty("messageId").GetGuid();
        var evidence = await provider.Court.WaitForEvidenceAsync(rejectedId, "SubmissionRejection");
        Assert.Contains("R_ERDS_PolicyViolation", Encoding.UTF8.GetString(Assert.Single(evidence).Xml));
        Assert.False(provider.HasContent(rejectedId));
        using (var retried = await provider.Court.SubmitAsync(Sized(401), idempotencyKey: key))
        {
            Assert.Equal(HttpStatusCode.Forbidden, retried.StatusCode);
            Assert.Equal(rejectedId, (await ErdsApi.ProblemAsync(retried)).GetProperty("messageId").GetGuid());
        }

        await provider.Court.SubmitAcceptedAsync(Sized(400));
        using var full = await provider.Court.SubmitAsync(Sized(1));
        Assert.Equal(HttpStatusCode.Forbidden, full.StatusCode);
        var atDoor = await ErdsApi.ProblemAsync(full);
        Assert.Equal("urn:erds:problem:storage-quota-exceeded", atDoor.GetProperty("type").GetString());
        Assert.False(atDoor.TryGetProperty("messageId", out _));
        await provider.Firm.SubmitAcceptedAsync(TestMessage.Between(firm, court));
    }
}
