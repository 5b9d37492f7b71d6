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
        var candidates = await db.Messages.Include(m => m.Recipients)
            .Where(m => m.Status == MessageStatus.Accepted && m.ContentDeletedAt == null
                        && !m.Recipients.Any(r => r.Status == RecipientStatus.Pending || r.Status == RecipientStatus.Consigned
                                                  || r.Status == RecipientStatus.AwaitingAcceptance || r.Status == RecipientStatus.Accepted))
            .OrderBy(m => m.SubmittedAt).Take(200)
            .ToListAsync(cancellationToken);
        var purged = 0;
        foreach (var message in candidates.Where(m => FinishedAt(m) + retention <= now))
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

    // When the last recipient's delivery ended: handed over, refused, or expired.
    private static DateTimeOffset FinishedAt(Message message) => message.Recipients
        .Select(r => r.HandedOverAt ?? r.DecidedAt ?? message.ExpiresAt ?? message.SubmittedAt)
        .DefaultIfEmpty(message.SubmittedAt)
        .Max();
}
