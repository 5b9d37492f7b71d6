using Erds.Evidence.Model;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Erds.Consignment.Consign;

// The safety net under the bus: a message whose acceptance is proven but whose recipients were never
// consigned or notified (the announcement was lost with a crashed process, or ended in an error
// queue) is taken up again. Consignment is idempotent, so doing it twice is harmless.
// Each scan reads the messages submitted since the last one found nothing open (HistoryScanWindow),
// on the index of kept content by submission time. A message still waiting for its acceptance
// evidence is open too: it holds the window back until it is consigned, so it cannot fall behind
// the window unnoticed.
public sealed class ConsignmentReconciler(
    ErdsDbContext db, ConsignmentService consignment, HistoryScanWindow<ConsignmentReconciler> window, TimeProvider time,
    ILogger<ConsignmentReconciler> logger)
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - Patience;
        var acceptance = EvidenceEvent.SubmissionAcceptance.Name;
        var from = window.ScanFrom();
        // Content is deleted only after every recipient's delivery ended: such a message is never open.
        var messages = db.Messages.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Accepted && m.ContentDeletedAt == null && m.SubmittedAt <= cutoff);
        if (from is { } start) messages = messages.Where(m => m.SubmittedAt >= start);
        var open = messages.Where(m => m.Recipients.Any(r => r.MailboxId != null
                                                             && (r.Status == RecipientStatus.Pending
                                                                 || ((r.Status == RecipientStatus.Consigned || r.Status == RecipientStatus.AwaitingAcceptance) && r.NotifiedAt == null))));
        var oldestOpen = await open.OrderBy(m => m.SubmittedAt).Select(m => (DateTimeOffset?)m.SubmittedAt).FirstOrDefaultAsync(cancellationToken);
        window.Settled(from, oldestOpen ?? cutoff);
        if (oldestOpen is null) return 0;
        // Consignment follows the evidence of acceptance; a message without it waits for the evidence reconciler.
        var stalled = await open.Where(m => db.Evidence.Any(e => e.MessageId == m.Id && e.EventName == acceptance))
            .OrderBy(m => m.SubmittedAt).Select(m => m.Id).Take(100)
            .ToListAsync(cancellationToken);
        foreach (var messageId in stalled)
        {
            logger.LogWarning("Message {MessageId} stalled before consignment or notification; resuming", messageId);
            db.ChangeTracker.Clear();
            await consignment.ConsignAsync(messageId, receipt: null, cancellationToken);
        }
        return stalled.Count;
    }
}
