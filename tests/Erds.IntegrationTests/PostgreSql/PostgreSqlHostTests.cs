using System.Net;
using Erds.Consignment.Expire;
using Erds.Host.Tests.Support;
using Erds.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

public sealed class PostgreSqlHostTests(PostgresProviderFixture fixture) : IClassFixture<PostgresProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task The_host_runs_on_PostgreSql_when_configured_so()
    {
        await using var scope = fixture.Provider.Database();
        Assert.IsType<PostgreSqlErdsDbContext>(scope.Db);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", scope.Db.Database.ProviderName);
        Assert.Empty(await scope.Db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_message_is_consigned_notified_and_handed_over_with_valid_evidence_stored_byte_for_byte()
    {
        var submission = TestMessage.Between(P.Court, P.Firm);
        var messageId = await fixture.Court.SubmitAcceptedAsync(submission);
        await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification");

        using var response = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parts = await ContentResponse.ReadAsync(response);
        Assert.Equal(submission.Attachments[0].Bytes, parts[1].Bytes);

        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "ContentHandover");
        Assert.Equal(["SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification", "ContentHandover"], evidence.Select(e => e.Event));
        await using var scope = fixture.Provider.Database();
        foreach (var file in evidence)
        {
            EvidenceAssert.Valid(fixture.Provider, file);
            Assert.Equal((await scope.Db.Evidence.SingleAsync(e => e.Id == file.EvidenceId, TestContext.Current.CancellationToken)).Xml, file.Xml);
        }
    }

    [Fact]
    public async Task An_expiry_given_at_plus_two_hours_is_kept_as_the_same_instant_in_UTC_and_ends_the_delivery_when_due()
    {
        var clock = fixture.Provider.Clock;
        var deadline = clock.GetUtcNow().AddDays(2).ToOffset(TimeSpan.FromHours(2));
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm) with { ExpiresAt = deadline });
        await fixture.Court.WaitForEvidenceAsync(messageId, "ConsignmentNotification");

        await using (var scope = fixture.Provider.Database())
        {
            var stored = (await scope.Db.Messages.SingleAsync(m => m.Id == messageId, TestContext.Current.CancellationToken)).ExpiresAt!.Value;
            Assert.Equal(TimeSpan.Zero, stored.Offset);
            // PostgreSQL keeps microseconds; the instant is the one given.
            Assert.Equal(deadline.UtcDateTime, stored.UtcDateTime, TimeSpan.FromTicks(10));
        }
        var view = await fixture.Court.GetJsonAsync($"/api/v1/messages/{messageId}");
        Assert.Equal(TimeSpan.Zero, view.GetProperty("expiresAt").GetDateTimeOffset().Offset);

        clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromSeconds(1));
        // The expiry monitor wakes on the same clock and may get there first: together they expire it once.
        await using (var scope = fixture.Provider.Database())
        {
            await scope.Get<ExpiryService>().ExpireDueAsync(TestContext.Current.CancellationToken);
        }
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentHandoverFailure");
        await using (var scope = fixture.Provider.Database())
        {
            Assert.Equal(1, await scope.Db.Evidence.CountAsync(e => e.MessageId == messageId && e.EventName == "ContentHandoverFailure", TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_idempotency_key_gets_the_first_answer()
    {
        var submission = TestMessage.Between(P.Court, P.Firm);
        var key = "retry-" + Guid.NewGuid();
        using var first = await fixture.Court.SubmitAsync(submission, key);
        using var second = await fixture.Court.SubmitAsync(submission, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        await using var scope = fixture.Provider.Database();
        Assert.Equal(1, await scope.Db.IdempotencyRecords.CountAsync(r => r.Key == key, TestContext.Current.CancellationToken));
    }
}
