using System.Net;
using Erds.Consignment.Consign;
using Erds.Consignment.Expire;
using Erds.EvidenceService.Reconcile;
using Erds.Host.Tests.Support;
using Erds.Persistence.Entities;
using Erds.Submission.Authentication;
using Erds.Submission.Inbox;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Host.Tests;

// What happens when the in-process bus loses an announcement, or two parties race for a delivery.
public sealed class RobustnessTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task A_delivery_event_whose_announcement_was_lost_still_gets_its_evidence()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        // Both consignment evidences (issued in either order), so that the reconciler finds only the event below open.
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentConsignment", "ConsignmentNotification");
        var now = fixture.Provider.Clock.GetUtcNow();
        await using (var scope = fixture.Provider.Database())
        {
            // Recorded, but its announcement never reached the evidence service (process killed).
            scope.Db.DeliveryEvents.Add(new DeliveryEvent
            {
                Id = Guid.CreateVersion7(now), MessageId = messageId, RecipientIndex = 1, EventName = "ContentAccessTracking", OccurredAt = now,
            });
            await scope.Db.SaveChangesAsync();
            Assert.Equal(0, await scope.Get<EvidenceReconciler>().ReconcileAsync(CancellationToken.None));
        }
        // The reconciliation monitor runs on the same clock and may get there first; either way, once.
        fixture.Provider.Clock.Advance(EvidenceReconciler.Patience + TimeSpan.FromSeconds(1));
        await using (var scope = fixture.Provider.Database())
        {
            await scope.Get<EvidenceReconciler>().ReconcileAsync(CancellationToken.None);
        }
        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "ContentAccessTracking");
        Assert.Single(evidence, e => e.Event == "ContentAccessTracking");
        EvidenceAssert.Valid(fixture.Provider, evidence.Single(e => e.Event == "ContentAccessTracking"));
        await using (var scope = fixture.Provider.Database())
        {
            Assert.Equal(0, await scope.Get<EvidenceReconciler>().ReconcileAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task An_accepted_message_whose_consignment_was_lost_is_consigned_and_notified_later()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        // Both, so that no evidence is still being issued while the test removes them.
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentConsignment", "ConsignmentNotification");
        await using (var scope = fixture.Provider.Database())
        {
            // As if the EvidenceIssued announcement had been lost: the recipient is still pending.
            await scope.Db.Database.ExecuteSqlInterpolatedAsync($"UPDATE MessageRecipients SET Status = 'Pending', NotifiedAt = NULL, ConsignedAt = NULL WHERE MessageId = {messageId}");
            await scope.Db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM Evidence WHERE MessageId = {messageId} AND EventName <> 'SubmissionAcceptance'");
            await scope.Db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM DeliveryEvents WHERE MessageId = {messageId} AND EventName <> 'SubmissionAcceptance'");
        }
        fixture.Provider.Clock.Advance(ConsignmentReconciler.Patience + TimeSpan.FromSeconds(1));
        await using (var scope = fixture.Provider.Database())
        {
            Assert.True(await scope.Get<ConsignmentReconciler>().ReconcileAsync(CancellationToken.None) >= 1);
        }
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentConsignment", "ConsignmentNotification");
        await using (var scope = fixture.Provider.Database())
        {
            Assert.Equal(0, await scope.Get<ConsignmentReconciler>().ReconcileAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_retrieval_in_progress_at_the_deadline_is_not_closed_as_expired()
    {
        var clock = fixture.Provider.Clock;
        var (messageId, firm) = await BeginRetrievalAnHourBeforeTheDeadlineAsync();
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await using (var scope = fixture.Provider.Database())
        {
            Assert.Equal(0, await scope.Get<ExpiryService>().ExpireDueAsync(CancellationToken.None));
            // The download finishes: the handover stands, not a failure.
            var inbox = scope.Get<InboxService>();
            await inbox.RecordHandoverAsync(firm, await inbox.FindAsync(firm, messageId, null, CancellationToken.None), CancellationToken.None);
        }
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentHandover");
        await using (var scope = fixture.Provider.Database())
        {
            Assert.False(await scope.Db.Evidence.AnyAsync(e => e.MessageId == messageId && e.EventName == "ContentHandoverFailure"));
        }
    }

    [Fact]
    public async Task A_retrieval_abandoned_past_the_grace_period_ends_in_expiry()
    {
        var clock = fixture.Provider.Clock;
        var (messageId, _) = await BeginRetrievalAnHourBeforeTheDeadlineAsync();
        clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        await using (var scope = fixture.Provider.Database())
        {
            await scope.Get<ExpiryService>().ExpireDueAsync(CancellationToken.None);
        }
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentHandoverFailure");
        using var late = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content");
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
    }

    private async Task<(Guid MessageId, Caller Firm)> BeginRetrievalAnHourBeforeTheDeadlineAsync()
    {
        var deadline = fixture.Provider.Clock.GetUtcNow().AddHours(1);
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm) with { ExpiresAt = deadline });
        await fixture.Court.WaitForEvidenceAsync(messageId, "ConsignmentNotification");
        var firm = await FirmCallerAsync();
        await using var scope = fixture.Provider.Database();
        var inbox = scope.Get<InboxService>();
        await inbox.BeginRetrievalAsync(await inbox.FindAsync(firm, messageId, null, CancellationToken.None), CancellationToken.None);
        return (messageId, firm);
    }

    private async Task<Caller> FirmCallerAsync()
    {
        await using var scope = fixture.Provider.Database();
        var organisation = await scope.Db.Organisations.SingleAsync(o => o.Handle == P.Firm.Handle);
        var credential = await scope.Db.ApiCredentials.FirstAsync(c => c.OrganisationId == organisation.Id);
        return new Caller(organisation.Id, credential.Id, null, AssuranceLevels.Substantial, fixture.Provider.Clock.GetUtcNow());
    }
}
