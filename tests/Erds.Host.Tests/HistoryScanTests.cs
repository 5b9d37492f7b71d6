using Erds.EvidenceService.Reconcile;
using Erds.Host.Tests.Support;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Host.Tests;

// The evidence reconciler reads the events since its last scan, not the whole history each minute,
// and still reads everything once a day. A provider of its own: the test moves its clock a day on.
public sealed class HistoryScanTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task The_evidence_reconciler_reads_the_recent_events_each_minute_and_all_of_them_once_a_day()
    {
        var clock = fixture.Provider.Clock;
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        // Both consignment evidences, which are issued in either order: an event still without its
        // evidence when the clock moves on would be announced again, rightly, by the scan below.
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentConsignment");
        await fixture.Court.WaitForEvidenceAsync(messageId, "ConsignmentNotification");
        await using (var scope = fixture.Provider.Database())
        {
            // Nothing open: the history is settled up to the reconciler's cutoff.
            Assert.Equal(0, await scope.Get<EvidenceReconciler>().ReconcileAsync(CancellationToken.None));
        }

        // An event without evidence, from long before the settled part: as if its transaction had
        // committed an hour late and its announcement had then been lost.
        var orphanId = Guid.CreateVersion7();
        await using (var scope = fixture.Provider.Database())
        {
            scope.Db.DeliveryEvents.Add(new DeliveryEvent
            {
                Id = orphanId, MessageId = messageId, RecipientIndex = 1, EventName = "ContentAccessTracking",
                OccurredAt = clock.GetUtcNow() - TimeSpan.FromHours(1),
            });
            await scope.Db.SaveChangesAsync();
        }
        clock.Advance(EvidenceReconciler.Patience + TimeSpan.FromSeconds(1));
        await using (var scope = fixture.Provider.Database())
        {
            // The minute's scan (this one, or the monitor's on the same clock) does not read that far back.
            Assert.Equal(0, await scope.Get<EvidenceReconciler>().ReconcileAsync(CancellationToken.None));
            var announcements = await scope.Db.Outbox.AsNoTracking().Select(o => o.Body).ToListAsync();
            Assert.DoesNotContain(announcements, body => body.Contains(orphanId.ToString()));
        }

        // A day on, a scan reads the whole history again and the event gets its evidence.
        clock.Advance(HistoryScanWindow<EvidenceReconciler>.FullScanEvery);
        await using (var scope = fixture.Provider.Database())
        {
            await scope.Get<EvidenceReconciler>().ReconcileAsync(CancellationToken.None);
        }
        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "ContentAccessTracking");
        EvidenceAssert.Valid(fixture.Provider, evidence.Single(e => e.Event == "ContentAccessTracking"));
    }
}
