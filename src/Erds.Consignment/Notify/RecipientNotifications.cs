using Erds.Consignment.Consign;
using Erds.Evidence.Model;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Consignment.Notify;

// Notifies the consigned recipients of a message and records the outcome of each, sent or failed,
// as a delivery event. Each recipient is sent to on its own: one failing address does not keep the
// others from being notified, and its failure is what its evidence records.
public sealed class RecipientNotifications(
    ErdsDbContext db, INotificationSender sender, IOptions<ConsignmentOptions> options, TimeProvider time,
    ILogger<RecipientNotifications> logger)
{
    private sealed record Outcome(MessageRecipient Recipient, EvidenceEvent Event, EventReason? Reason);

    public async Task NotifyAsync(MessageToConsign message, IReadOnlyList<LocalRecipient> recipients, CancellationToken cancellationToken)
    {
        var outcomes = new List<Outcome>(recipients.Count);
        foreach (var recipient in recipients)
        {
            outcomes.Add(await SendAsync(message, recipient, cancellationToken));
        }
        // A record's transaction is rolled back whole on any failure, so the savepoint SaveChanges
        // would set inside it (two more statements) could never be used.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            if (await TryRecordAsync(message.Id, outcomes, cancellationToken) || outcomes.Count == 1) return;
            // Another run claimed or recorded one of them meanwhile: one at a time, so that it does
            // not keep the others from their records.
            foreach (var outcome in outcomes)
            {
                await TryRecordAsync(message.Id, [outcome], cancellationToken);
            }
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    private async Task<Outcome> SendAsync(MessageToConsign message, LocalRecipient local, CancellationToken cancellationToken)
    {
        var recipient = local.Recipient;
        var asksForAcceptance = message.Mode == ConsignmentMode.Consent;
        var notification = new Notification(message.Id, local.NotificationAddress ?? local.MailboxAddress, message.SenderAddress,
            message.SenderLegalName, local.MailboxAddress, asksForAcceptance, message.ExpiresAt,
            $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/inbox/{message.Id}");
        try
        {
            await sender.SendAsync(notification, cancellationToken);
            logger.LogInformation("Notification for message {MessageId} recipient {RecipientIndex} sent", message.Id, recipient.Index);
            return new Outcome(recipient, asksForAcceptance ? EvidenceEvent.NotificationForAcceptance : EvidenceEvent.ConsignmentNotification, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever the mail system said (refused, unreachable, a malformed address), the attempt
            // failed and that is what the evidence records.
            logger.LogWarning(ex, "Notification for message {MessageId} recipient {RecipientIndex} failed", message.Id, recipient.Index);
            return new Outcome(recipient,
                asksForAcceptance ? EvidenceEvent.NotificationForAcceptanceFailure : EvidenceEvent.ConsignmentNotificationFailure,
                EventReason.Of("R_ERDS_Unreachable", "The notification could not be handed to the mail system."));
        }
    }

    // All or nothing, in one transaction: true when every recipient was claimed and its event saved.
    // NotifiedAt is claimed with a conditional update, independent of the recipient's version, so a
    // recipient accepting at the same moment neither blocks the record nor gets it twice; a recipient
    // another run claimed first makes the count fall short.
    private async Task<bool> TryRecordAsync(Guid messageId, IReadOnlyList<Outcome> outcomes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = outcomes.Select(o => o.Recipient.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.MessageRecipients
            .Where(r => ids.Contains(r.Id) && r.NotifiedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(r => r.NotifiedAt, now), cancellationToken);
        if (claimed != ids.Count) return false;
        foreach (var outcome in outcomes)
        {
            db.Record(ConsignmentService.RecipientEvent(messageId, outcome.Recipient, outcome.Event, now, outcome.Reason), now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            return false;
        }
        return true;
    }
}
