using Erds.Persistence;
using Erds.Persistence.Content;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Consignment.Retention;

// Deletes the content of finished deliveries once the retention period has passed; evidence stays.
// The content key is destroyed in the database first: should the process die before the files are
// removed, what remains on disk can no longer be decrypted.
public sealed class RetentionService(
    ErdsDbContext db, ContentStore content, IOptions<ConsignmentOptions> options, TimeProvider time, ILogger<RetentionService> logger)
{
    public async Task<int> PurgeDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var retention = options.Value.ContentRetention;
        // Due when every recipient's delivery ended before the cutoff: handed over, refused, or (for
        // expired and failed ones) the message deadline. Filtered in the database, so a backlog of
        // messages not yet due cannot hide the ones that are.
        var cutoff = now - retention;
        // Every recipient's end comes after the submission, so only messages submitted before the
        // cutoff can be due: the index of kept content by submission time finds them.
        var due = await db.Messages.Include(m => m.Recipients)
            .Where(m => m.Status == MessageStatus.Accepted && m.ContentDeletedAt == null && m.SubmittedAt <= cutoff
                        && m.Recipients.All(r =>
                            (r.Status == RecipientStatus.HandedOver && r.HandedOverAt <= cutoff)
                            || (r.Status == RecipientStatus.Refused && r.DecidedAt <= cutoff)
                            || ((r.Status == RecipientStatus.Expired || r.Status == RecipientStatus.Failed)
                                && ((m.ExpiresAt != null && m.ExpiresAt <= cutoff) || (m.ExpiresAt == null && m.SubmittedAt <= cutoff)))))
            .OrderBy(m => m.SubmittedAt).Take(200)
            .ToListAsync(cancellationToken);
        var purged = 0;
        foreach (var message in due)
        {
            message.ContentDeletedAt = now;
            message.WrappedContentKey = null;
            await db.SaveChangesAsync(cancellationToken);
            content.DeleteMessage(message.Id);
            purged++;
            logger.LogInformation("Content of message {MessageId} deleted after its retention period", message.Id);
        }
        return purged;
    }
}
