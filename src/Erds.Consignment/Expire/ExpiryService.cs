using System.Linq.Expressions;
using Erds.Consignment.Consign;
using Erds.Evidence.Model;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Consignment.Expire;

// Closes deliveries whose time ran out: a consent-mode message nobody accepted or refused ends in
// AcceptanceRejectionExpiry, content nobody retrieved in ContentHandoverFailure. Each message is
// loaded and saved on its own: a recipient who acts at the last moment wins, and the scan moves on
// without carrying anything of the lost race into the next message.
public sealed class ExpiryService(ErdsDbContext db, IOptions<ConsignmentOptions> options, TimeProvider time, ILogger<ExpiryService> logger)
{
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // A retrieval that started before the deadline is given time to finish.
        var retrievalCutoff = now - options.Value.RetrievalGrace;
        var recipientDue = RecipientDue(retrievalCutoff);
        var due = await db.Messages.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Accepted && m.ExpiresAt != null && m.ExpiresAt <= now
                        && m.Recipients.AsQueryable().Any(recipientDue))
            .OrderBy(m => m.ExpiresAt).Select(m => m.Id).Take(200)
            .ToListAsync(cancellationToken);
        var isRecipientDue = recipientDue.Compile();
        var expired = 0;
        foreach (var messageId in due)
        {
            expired += await ExpireAsync(messageId, now, isRecipientDue, cancellationToken);
        }
        if (expired > 0) logger.LogInformation("Expired {Count} deliveries", expired);
        return expired;
    }

    // A recipient whose delivery the deadline ends: still undecided, or consigned and not retrieving
    // since before the cutoff. One expression, so that the database query and the loaded message agree.
    private static Expression<Func<MessageRecipient, bool>> RecipientDue(DateTimeOffset retrievalCutoff) =>
        r => r.Status == RecipientStatus.AwaitingAcceptance
             || (r.Status == RecipientStatus.Consigned && (r.RetrievalStartedAt == null || r.RetrievalStartedAt <= retrievalCutoff));

    private async Task<int> ExpireAsync(Guid messageId, DateTimeOffset now, Func<MessageRecipient, bool> isRecipientDue, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var message = await db.Messages.Include(m => m.Recipients).SingleAsync(m => m.Id == messageId, cancellationToken);
        var expired = 0;
        foreach (var recipient in message.Recipients.Where(isRecipientDue))
        {
            var evidenceEvent = recipient.Status == RecipientStatus.AwaitingAcceptance
                ? EvidenceEvent.AcceptanceRejectionExpiry
                : EvidenceEvent.ContentHandoverFailure;
            recipient.TransitionTo(RecipientStatus.Expired);
            var deadline = message.ExpiresAt!.Value.UtcDateTime;
            var reason = EventReason.Expired(evidenceEvent == EvidenceEvent.ContentHandoverFailure
                ? $"Not retrieved before {deadline:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}."
                : $"Neither accepted nor refused before {deadline:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}.");
            db.Record(ConsignmentService.RecipientEvent(message.Id, recipient, evidenceEvent, now, reason), now);
            expired++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return expired;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
        {
            // A recipient acted at the very last moment; their event stands and the next scan looks again.
            logger.LogInformation("Expiry of message {MessageId} lost a race with its recipient; rescanned next time", messageId);
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}
