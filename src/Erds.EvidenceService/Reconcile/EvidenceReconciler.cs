using Erds.Contracts;
using Erds.Persistence;
using Erds.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Erds.EvidenceService.Reconcile;

// The safety net under the bus: every delivery event must end with its evidence. An event still
// without evidence after a while (its announcement was lost with a crashed process, or exhausted its
// retries while the timestamp authority was down) is announced again. Issuance is idempotent.
// Each scan reads the events since the last one found nothing open (HistoryScanWindow), on the index
// of OccurredAt: its cost follows the traffic of the last minutes, not the size of the history.
public sealed class EvidenceReconciler(
    ErdsDbContext db, HistoryScanWindow<EvidenceReconciler> window, TimeProvider time, ILogger<EvidenceReconciler> logger)
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now - Patience;
        var from = window.ScanFrom();
        var events = db.DeliveryEvents.AsNoTracking().Where(e => e.OccurredAt <= cutoff);
        if (from is { } start) events = events.Where(e => e.OccurredAt >= start);
        var orphans = await events
            .Where(e => !db.Evidence.Any(x => x.DeliveryEventId == e.Id))
            .OrderBy(e => e.OccurredAt).Take(100)
            .ToListAsync(cancellationToken);
        window.Settled(from, orphans.Count == 0 ? cutoff : orphans[0].OccurredAt);
        if (orphans.Count == 0) return 0;
        // Announced again only if no announcement of it is still waiting in the outbox.
        var announcementType = typeof(DeliveryEventRecorded).FullName!;
        var waiting = (await db.Outbox.Where(o => o.SentAt == null && o.MessageType == announcementType).Select(o => o.Body).ToListAsync(cancellationToken))
            .Select(body => System.Text.Json.JsonSerializer.Deserialize<DeliveryEventRecorded>(body)!.DeliveryEventId)
            .ToHashSet();
        var announced = 0;
        foreach (var orphan in orphans.Where(o => !waiting.Contains(o.Id)))
        {
            logger.LogWarning("Delivery event {DeliveryEventId} ({EventName}) of message {MessageId} has no evidence yet; announcing it again",
                orphan.Id, orphan.EventName, orphan.MessageId);
            db.Enqueue(new DeliveryEventRecorded
            {
                DeliveryEventId = orphan.Id, MessageId = orphan.MessageId, RecipientIndex = orphan.RecipientIndex, EventName = orphan.EventName,
            }, now);
            announced++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return announced;
    }
}
