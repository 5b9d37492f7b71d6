using Erds.Consignment.Notify;
using Erds.Evidence.Model;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Persistence.Inbox;
using Erds.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Consignment.Consign;

// Makes an accepted message available to its local recipients and notifies them. Runs once the
// SubmissionAcceptance evidence exists, so that nothing is delivered that was not first proven sent.
// Safe to run again for the same message: only recipients still pending are consigned, only those
// not yet notified are notified. A bus message already in the inbox consigns nothing again; it only
// finishes the notifications a failure or a crash left undone, each guarded by its own claim.
public sealed class ConsignmentService(
    ErdsDbContext db, INotificationSender notifications, OutboxSignal outbox, IOptions<ConsignmentOptions> options, TimeProvider time,
    ILogger<ConsignmentService> logger)
{
    // receipt: the bus message being handled, or null when the reconciler resumes a stalled message.
    public async Task ConsignAsync(Guid messageId, InboxReceipt? receipt, CancellationToken cancellationToken)
    {
        var message = await db.Messages.Include(m => m.Recipients).SingleAsync(m => m.Id == messageId, cancellationToken);
        if (message.Status != MessageStatus.Accepted) return;

        if (receipt is null || !await db.HasConsumedAsync(receipt, cancellationToken))
        {
            var now = time.GetUtcNow();
            var pending = message.Recipients.Where(r => r.Status == RecipientStatus.Pending && r.MailboxId is not null).ToList();
            foreach (var recipient in pending)
            {
                if (message.ConsignmentMode == ConsignmentMode.Consent)
                {
                    recipient.TransitionTo(RecipientStatus.AwaitingAcceptance);
                }
                else
                {
                    recipient.TransitionTo(RecipientStatus.Consigned);
                    recipient.ConsignedAt = now;
                    db.Record(RecipientEvent(message, recipient, EvidenceEvent.ContentConsignment, now, null), now);
                }
            }
            if (receipt is not null) db.RecordConsumed(receipt, now);
            await db.SaveChangesAsync(cancellationToken);
            if (pending.Count > 0)
            {
                logger.LogInformation("Message {MessageId} consigned to {RecipientCount} recipients ({ConsignmentMode})", message.Id, pending.Count, message.ConsignmentMode);
            }
        }

        var toNotify = message.Recipients
            .Where(r => r.NotifiedAt is null && r.MailboxId is not null && r.Status is RecipientStatus.Consigned or RecipientStatus.AwaitingAcceptance)
            .Select(r => r.Index).ToList();
        foreach (var index in toNotify)
        {
            await NotifyAsync(messageId, index, cancellationToken);
        }
    }

    // Each recipient on its own, from fresh state: one failing address does not keep the others
    // from being notified, and a recipient who already acted is not asked again.
    private async Task NotifyAsync(Guid messageId, int recipientIndex, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var message = await db.Messages.AsNoTracking().Include(m => m.Recipients).SingleAsync(m => m.Id == messageId, cancellationToken);
        var recipient = message.Recipients.Single(r => r.Index == recipientIndex);
        if (recipient.NotifiedAt is not null || recipient.Status is not (RecipientStatus.Consigned or RecipientStatus.AwaitingAcceptance)) return;

        var mailbox = await db.Mailboxes.AsNoTracking().SingleAsync(m => m.Id == recipient.MailboxId, cancellationToken);
        var sender = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == message.SenderOrganisationId, cancellationToken);
        var asksForAcceptance = message.ConsignmentMode == ConsignmentMode.Consent;
        var notification = new Notification(message.Id, mailbox.NotificationAddress ?? mailbox.Address, message.SenderAddress,
            sender.LegalName, mailbox.Address, asksForAcceptance, message.ExpiresAt,
            $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/inbox/{message.Id}");

        EvidenceEvent outcome;
        EventReason? reason = null;
        try
        {
            await notifications.SendAsync(notification, cancellationToken);
            outcome = asksForAcceptance ? EvidenceEvent.NotificationForAcceptance : EvidenceEvent.ConsignmentNotification;
            logger.LogInformation("Notification for message {MessageId} recipient {RecipientIndex} sent", message.Id, recipient.Index);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever the mail system said (refused, unreachable, a malformed address), the attempt
            // failed and that is what the evidence records.
            logger.LogWarning(ex, "Notification for message {MessageId} recipient {RecipientIndex} failed", message.Id, recipient.Index);
            outcome = asksForAcceptance ? EvidenceEvent.NotificationForAcceptanceFailure : EvidenceEvent.ConsignmentNotificationFailure;
            reason = EventReason.Of("R_ERDS_Unreachable", "The notification could not be handed to the mail system.");
        }
        await RecordNotificationAsync(message, recipient, outcome, reason, cancellationToken);
    }

    // NotifiedAt is claimed with a conditional update, independent of the recipient's version, so a
    // recipient accepting at the same moment neither blocks the record nor gets it twice.
    private async Task RecordNotificationAsync(Message message, MessageRecipient recipient, EvidenceEvent outcome, EventReason? reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.MessageRecipients
            .Where(r => r.Id == recipient.Id && r.NotifiedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(r => r.NotifiedAt, now), cancellationToken);
        if (claimed == 0) return;
        db.Record(RecipientEvent(message, recipient, outcome, now, reason), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            outbox.Notify();
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
        }
    }

    internal static DeliveryEvent RecipientEvent(Message message, MessageRecipient recipient, EvidenceEvent evidenceEvent, DateTimeOffset now, EventReason? reason) =>
        DeliveryEvents.Describe(message.Id, recipient.Index, evidenceEvent.Name, now, reason?.Code, reason?.Details);
}
