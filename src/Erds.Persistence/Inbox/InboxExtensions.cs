using Microsoft.EntityFrameworkCore;

namespace Erds.Persistence.Inbox;

public static class InboxExtensions
{
    public static Task<bool> HasConsumedAsync(this ErdsDbContext db, InboxReceipt receipt, CancellationToken cancellationToken) =>
        db.InboxMessages.AnyAsync(m => m.MessageId == receipt.MessageId && m.Consumer == receipt.Consumer, cancellationToken);

    /// Adds the receipt to the caller's unit of work: saved with the effects or not at all. Two
    /// deliveries racing each other both pass HasConsumedAsync; the key lets only one save succeed.
    public static void RecordConsumed(this ErdsDbContext db, InboxReceipt receipt, DateTimeOffset now) =>
        db.InboxMessages.Add(new InboxMessage { MessageId = receipt.MessageId, Consumer = receipt.Consumer, ConsumedAt = now });
}
