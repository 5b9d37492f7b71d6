using Erds.Consignment.Notify;
using Erds.Evidence.Model;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Persistence.Inbox;
using Microsoft.Extensions.Logging;

namespace Erds.Consignment.Consign;

// Makes an accepted message available to its local recipients and notifies them. Runs once the
// SubmissionAcceptance evidence exists, so that nothing is delivered that was not first proven sent.
// Safe to run again for the same message: only recipients still pending are consigned, only those
// not yet notified are notified. A bus message already in the inbox consigns nothing again; it only
// finishes the notifications a failure or a crash left undone, each guarded by its own claim
// (RecipientNotifications).
public sealed class ConsignmentService(
    ErdsDbContext db, RecipientNotifications notifications, TimeProvider time, ILogger<ConsignmentService> logger)
{
    // receipt: the bus message being handled, or null when the reconciler resumes a stalled message.
    public async Task ConsignAsync(Guid messageId, InboxReceipt? receipt, CancellationToken cancellationToken)
    {
        var message = await ConsignmentQueries.MessageToConsign.For(db)(db, messageId, receipt?.MessageId, receipt?.Consumer, cancellationToken)
            ?? throw new InvalidOperationException($"Message {messageId} does not exist.");
        if (message.Status != MessageStatus.Accepted) return;

        if (!message.AlreadyConsumed) await ConsignPendingAsync(message, receipt, cancellationToken);

        // From the state just read and written, not read again: the claim of each notification is
        // the fresh check that matters, and a recipient another run notified meanwhile loses it.
        var toNotify = message.Recipients
            .Where(r => r.Recipient.NotifiedAt is null && r.Recipient.Status is RecipientStatus.Consigned or RecipientStatus.AwaitingAcceptance)
            .ToList();
        if (toNotify.Count > 0) await notifications.NotifyAsync(message, toNotify, cancellationToken);
    }

    // The recipients are updated against their version: of two runs racing, the second one's save
    // fails (or meets the inbox key, or the delivery events' unique key) and records nothing.
    private async Task ConsignPendingAsync(MessageToConsign message, InboxReceipt? receipt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pending = message.Recipients.Select(r => r.Recipient).Where(r => r.Status == RecipientStatus.Pending).ToList();
        foreach (var recipient in pending)
        {
            if (message.Mode == ConsignmentMode.Consent)
            {
                recipient.TransitionTo(RecipientStatus.AwaitingAcceptance);
            }
            else
            {
                recipient.TransitionTo(RecipientStatus.Consigned);
                recipient.ConsignedAt = now;
                db.Record(RecipientEvent(message.Id, recipient, EvidenceEvent.ContentConsignment, now, null), now);
            }
        }
        if (receipt is not null) db.RecordConsumed(receipt, now);
        await db.SaveChangesAsync(cancellationToken);
        if (pending.Count > 0)
        {
            logger.LogInformation("Message {MessageId} consigned to {RecipientCount} recipients ({ConsignmentMode})", message.Id, pending.Count, message.Mode);
        }
    }

    internal static DeliveryEvent RecipientEvent(Guid messageId, MessageRecipient recipient, EvidenceEvent evidenceEvent, DateTimeOffset now, EventReason? reason) =>
        DeliveryEvents.Describe(messageId, recipient.Index, evidenceEvent.Name, now, reason?.Code, reason?.Details);
}
