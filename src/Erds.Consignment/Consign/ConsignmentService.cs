using Erds.Consignment.Notify;
using Erds.Evidence.Model;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Consignment.Consign;

// Makes an accepted message available to its local recipients and notifies them. Runs once the
// SubmissionAcceptance evidence exists, so that nothing is delivered that was not first proven sent.
// Safe to run again for the same message: only recipients still pending are consigned, only those
// not yet notified are notified.
public sealed class ConsignmentService(
    ErdsDbContext db, INotificationSender notifications, IOptions<ConsignmentOptions> options, TimeProvider time, ILogger<ConsignmentService> logger)
{
    public async Task ConsignAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var message = await db.Messages.Include(m => m.Recipients).SingleAsync(m => m.Id == messageId, cancellationToken);
        if (message.Status != MessageStatus.Accepted) return;

        var now = time.GetUtcNow();
        foreach (var recipient in message.Recipients.Where(r => r.Status == RecipientStatus.Pending && r.MailboxId is not null))
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
        await db.SaveChangesAsync(cancellationToken);

        foreach (var recipient in message.Recipients.Where(r => r.NotifiedAt is null && r.MailboxId is not null
                     && r.Status is RecipientStatus.Consigned or RecipientStatus.AwaitingAcceptance))
        {
            await NotifyAsync(message, recipient, cancellationToken);
        }
    }

    private async Task NotifyAsync(Message message, MessageRecipient recipient, CancellationToken cancellationToken)
    {
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
        }
        catch (NotificationFailedException ex)
        {
            logger.LogWarning(ex, "Notification for message {MessageId} recipient {RecipientIndex} failed", message.Id, recipient.Index);
            outcome = asksForAcceptance ? EvidenceEvent.NotificationForAcceptanceFailure : EvidenceEvent.ConsignmentNotificationFailure;
            reason = EventReason.Of("R_ERDS_Unreachable", "The notification could not be handed to the mail system.");
        }
        var now = time.GetUtcNow();
        recipient.NotifiedAt = now;
        db.Record(RecipientEvent(message, recipient, outcome, now, reason), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A redelivered request already recorded this notification.
            db.ChangeTracker.Clear();
        }
    }

    internal static DeliveryEvent RecipientEvent(Message message, MessageRecipient recipient, EvidenceEvent evidenceEvent, DateTimeOffset now, EventReason? reason) => new()
    {
        Id = Guid.CreateVersion7(now),
        MessageId = message.Id,
        RecipientIndex = recipient.Index,
        EventName = evidenceEvent.Name,
        OccurredAt = now,
        ReasonCode = reason?.Code,
        ReasonDetails = reason?.Details,
    };
}
