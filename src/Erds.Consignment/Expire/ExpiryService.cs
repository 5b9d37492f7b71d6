using Erds.Consignment.Consign;
using Erds.Evidence.Model;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Erds.Consignment.Expire;

// Closes deliveries whose time ran out: a consent-mode message nobody accepted or refused ends in
// AcceptanceRejectionExpiry, content nobody retrieved in ContentHandoverFailure.
public sealed class ExpiryService(ErdsDbContext db, TimeProvider time, ILogger<ExpiryService> logger)
{
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Messages.Include(m => m.Recipients)
            .Where(m => m.Status == MessageStatus.Accepted && m.ExpiresAt != null && m.ExpiresAt <= now
                        && m.Recipients.Any(r => r.Status == RecipientStatus.Consigned || r.Status == RecipientStatus.AwaitingAcceptance))
            .OrderBy(m => m.ExpiresAt).Take(200)
            .ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var message in due)
        {
            foreach (var recipient in message.Recipients.Where(r => r.Status is RecipientStatus.Consigned or RecipientStatus.AwaitingAcceptance))
            {
                var evidenceEvent = recipient.Status == RecipientStatus.AwaitingAcceptance
                    ? EvidenceEvent.AcceptanceRejectionExpiry
                    : EvidenceEvent.ContentHandoverFailure;
                recipient.TransitionTo(RecipientStatus.Expired);
                var reason = EventReason.Expired($"Not {(evidenceEvent == EvidenceEvent.ContentHandoverFailure ? "retrieved" : "accepted or refused")} before {message.ExpiresAt:O}.");
                db.Record(ConsignmentService.RecipientEvent(message, recipient, evidenceEvent, now, reason), now);
                expired++;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // The recipient acted at the very last moment; their event stands.
                db.ChangeTracker.Clear();
            }
        }
        if (expired > 0) logger.LogInformation("Expired {Count} deliveries", expired);
        return expired;
    }
}
