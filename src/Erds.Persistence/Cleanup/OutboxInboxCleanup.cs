using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Persistence.Cleanup;

// Deletes outbox rows published longer than SentOutboxRetention ago and consumer receipts older than
// InboxRetention; rows not yet published are never touched. Each batch is one DELETE of the oldest
// BatchSize due rows, repeated while a full batch went. Several instances may run at once: a row one
// of them deleted is not there for the other, which deletes fewer, sees a short batch and stops.
public sealed class OutboxInboxCleanup(
    ErdsDbContext db, IOptions<OutboxInboxCleanupOptions> options, CleanupMetrics metrics, TimeProvider time, ILogger<OutboxInboxCleanup> logger)
{
    public async Task<(int OutboxRows, int InboxReceipts)> DeleteDueAsync(CancellationToken cancellationToken)
    {
        // One cutoff per run: rows that fall due meanwhile wait for the next run, so the loops end.
        var now = time.GetUtcNow();
        var sentBefore = now - options.Value.SentOutboxRetention;
        var consumedBefore = now - options.Value.InboxRetention;
        var outboxRows = await DeleteSentOutboxRowsAsync(sentBefore, cancellationToken);
        var inboxReceipts = await DeleteInboxReceiptsAsync(consumedBefore, cancellationToken);
        if (outboxRows + inboxReceipts > 0)
        {
            logger.LogInformation("Deleted {OutboxRows} outbox rows sent before {SentBefore} and {InboxReceipts} inbox receipts from before {ConsumedBefore}",
                outboxRows, sentBefore, inboxReceipts, consumedBefore);
        }
        return (outboxRows, inboxReceipts);
    }

    private Task<int> DeleteSentOutboxRowsAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken)
    {
        var due = db.Outbox.Where(m => m.SentAt != null && m.SentAt < sentBefore);
        var batch = due.OrderBy(m => m.SentAt).Take(options.Value.BatchSize).Select(m => m.Id);
        return RepeatWhileFullAsync(() => due.Where(m => batch.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken), "outbox");
    }

    // A batch is named by MessageId, the first column of the key, so that every database finds its
    // rows through the key's index (EF's form for a two-column key makes SQLite scan the whole
    // table). A bus message has a receipt per consumer: a batch can take a few rows more.
    private Task<int> DeleteInboxReceiptsAsync(DateTimeOffset consumedBefore, CancellationToken cancellationToken)
    {
        var due = db.InboxMessages.Where(m => m.ConsumedAt < consumedBefore);
        var batch = due.OrderBy(m => m.ConsumedAt).Take(options.Value.BatchSize).Select(m => m.MessageId);
        return RepeatWhileFullAsync(() => due.Where(m => batch.Contains(m.MessageId)).ExecuteDeleteAsync(cancellationToken), "inbox");
    }

    private async Task<int> RepeatWhileFullAsync(Func<Task<int>> deleteBatch, string table)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteBatch();
            metrics.Deleted(table, deleted);
            total += deleted;
        }
        while (deleted >= options.Value.BatchSize);
        return total;
    }
}
