using Erds.Contracts;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Erds.EvidenceService.Reconcile;

// The safety net under the bus: every delivery event must end with its evidence. An event still
// without evidence after a while (its announcement was lost with a crashed process, or exhausted its
// retries while the timestamp authority was down) is announced again. Issuance is idempotent.
// Each scan reads the events since the last one found nothing open (HistoryScanWindow), on the index
// of OccurredAt: its cost follows the traffic of the last minutes, not the size of the history.
// Parked events (their evidence can never be sealed as recorded) wait for an operator, not for this;
// the others are taken in turn (ReconcileCursor), so that old ones that keep failing cannot starve new ones.
public sealed class EvidenceReconciler(
    ErdsDbContext db, HistoryScanWindow<EvidenceReconciler> window, ReconcileCursor cursor, EvidenceBacklog backlog,
    TimeProvider time, ILogger<EvidenceReconciler> logger)
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    public const int BatchSize = 100;

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now - Patience;
        var from = window.ScanFrom();
        var open = db.DeliveryEvents.AsNoTracking().Where(e => e.OccurredAt <= cutoff);
        if (from is { } start) open = open.Where(e => e.OccurredAt >= start);
        open = open.Where(e => !db.Evidence.Any(x => x.DeliveryEventId == e.Id) && !db.ParkedDeliveryEvents.Any(p => p.DeliveryEventId == e.Id));

        var oldest = await open.OrderBy(e => e.OccurredAt).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        window.Settled(from, oldest ?? cutoff);
        var orphans = oldest is null ? [] : await NextBatchAsync(open, cancellationToken);
        backlog.Record(new EvidenceBacklog.Snapshot(now, oldest, await db.ParkedDeliveryEvents.CountAsync(cancellationToken)));
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

    // The batch after the cursor, or from the oldest again when nothing lies after it.
    private async Task<List<DeliveryEvent>> NextBatchAsync(IQueryable<DeliveryEvent> open, CancellationToken cancellationToken)
    {
        List<DeliveryEvent> batch = [];
        if (cursor.After is { } after)
        {
            batch = await open.Where(e => e.OccurredAt > after).OrderBy(e => e.OccurredAt).Take(BatchSize).ToListAsync(cancellationToken);
        }
        if (batch.Count == 0) batch = await open.OrderBy(e => e.OccurredAt).Take(BatchSize).ToListAsync(cancellationToken);
        cursor.After = batch.Count == BatchSize ? batch[^1].OccurredAt : null;
        return batch;
    }
}
