using Erds.Evidence.Model;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Submission.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Erds.Submission.Inbox;

// The recipient's side of a message: finding it, deciding on it (consent mode) and recording the
// handover. Each state change and its delivery event are saved together.
public sealed class InboxService(ErdsDbContext db, TimeProvider time, ILogger<InboxService> logger)
{
    public async Task<List<InboxItem>> ListAsync(Caller caller, string? mailbox, int limit, CancellationToken cancellationToken)
    {
        var mailboxes = db.Mailboxes.Where(m => m.OrganisationId == caller.OrganisationId);
        if (mailbox is not null) mailboxes = mailboxes.Where(m => m.AddressKey == Mailbox.KeyOf(mailbox));
        var query =
            from r in db.MessageRecipients
            join m in db.Messages on r.MessageId equals m.Id
            join mb in mailboxes on r.MailboxId equals mb.Id
            where r.Status != RecipientStatus.Pending && r.Status != RecipientStatus.Failed
            orderby m.SubmittedAt descending
            select new InboxItem(m.Id, r.Index, mb.Address, m.SenderAddress, m.Subject, m.ConsignmentMode.ToString(), r.Status.ToString(), m.SubmittedAt, m.ExpiresAt);
        return await query.AsNoTracking().Take(limit).ToListAsync(cancellationToken);
    }

    // The recipient entry of this message that belongs to the caller. Messages not addressed to the
    // caller are "not found", never "forbidden".
    public async Task<RecipientCopy> FindAsync(Caller caller, Guid messageId, string? mailbox, CancellationToken cancellationToken)
    {
        // Two round trips: first which deliveries are the caller's, then, only for one of them, the
        // message with its parts (which the inbox reads but never changes).
        var key = mailbox is null ? null : Mailbox.KeyOf(mailbox);
        var own = new List<InboxQueries.OwnRecipient>();
        await foreach (var row in InboxQueries.OwnRecipients.For(db)(db, messageId, caller.OrganisationId).WithCancellation(cancellationToken))
        {
            if (key is null || row.Mailbox.AddressKey == key) own.Add(row);
        }
        return own.Count switch
        {
            0 => throw Problems.Problems.NotFound("This message"),
            1 => new RecipientCopy(await InboxQueries.MessageWithParts.For(db)(db, messageId, cancellationToken), own[0].Recipient, own[0].Mailbox),
            _ => throw InboxProblems.AmbiguousMailbox(),
        };
    }

    public static bool ContentAvailable(RecipientCopy copy) =>
        copy.Recipient.Status is RecipientStatus.Consigned or RecipientStatus.HandedOver;

    public void EnsureContentAvailable(RecipientCopy copy)
    {
        if (copy.Message.ContentDeletedAt is not null) throw InboxProblems.ContentDeleted();
        // Once handed over, the recipient may fetch it again until the retention period ends.
        if (copy.Recipient.Status == RecipientStatus.HandedOver) return;
        if (copy.Recipient.Status == RecipientStatus.Expired || IsPastExpiry(copy)) throw InboxProblems.Expired();
        if (!ContentAvailable(copy)) throw InboxProblems.NotAvailable(copy.Recipient.Status.ToString());
    }

    public async Task AcceptAsync(Caller caller, RecipientCopy copy, CancellationToken cancellationToken)
    {
        var now = EnsureAwaitingDecision(copy);
        copy.Recipient.TransitionTo(RecipientStatus.Consigned);
        copy.Recipient.DecidedAt = now;
        copy.Recipient.ConsignedAt = now;
        // Accepting makes the content available at once: acceptance and consignment are one step.
        db.Record(ActorEvent(copy, EvidenceEvent.ConsignmentAcceptance, now, caller, null), now);
        db.Record(ActorEvent(copy, EvidenceEvent.ContentConsignment, now, caller, null), now);
        await SaveOnceAsync(copy, cancellationToken);
    }

    public async Task RefuseAsync(Caller caller, RecipientCopy copy, string? reason, CancellationToken cancellationToken)
    {
        var now = EnsureAwaitingDecision(copy);
        copy.Recipient.TransitionTo(RecipientStatus.Refused);
        copy.Recipient.DecidedAt = now;
        if (reason is not null && TextRules.FreeTextProblem(reason) is { } problem)
        {
            throw Problems.Problems.MalformedRequest($"The refusal reason {problem}.");
        }
        var details = string.IsNullOrWhiteSpace(reason) ? "Refused by the recipient." : reason.Trim().Truncate(1000);
        db.Record(ActorEvent(copy, EvidenceEvent.ConsignmentRejection, now, caller, EventReason.RefusedByRecipient(details)), now);
        await SaveOnceAsync(copy, cancellationToken);
    }

    // Before the first byte goes out: claims the delivery, so the expiry scan cannot close it while the
    // content is on its way (which would leave a handover that the evidence calls a failure).
    public async Task BeginRetrievalAsync(RecipientCopy copy, CancellationToken cancellationToken)
    {
        if (copy.Recipient.Status != RecipientStatus.Consigned) return;
        copy.Recipient.BeginRetrieval(time.GetUtcNow());
        if (!await TrySaveAsync(copy, cancellationToken)) throw InboxProblems.Expired();
    }

    // Called after the last byte of the content went out. A second retrieval changes nothing.
    public async Task RecordHandoverAsync(Caller caller, RecipientCopy copy, CancellationToken cancellationToken)
    {
        if (copy.Recipient.Status == RecipientStatus.HandedOver) return;
        var now = time.GetUtcNow();
        copy.Recipient.TransitionTo(RecipientStatus.HandedOver);
        copy.Recipient.HandedOverAt = now;
        db.Record(ActorEvent(copy, EvidenceEvent.ContentHandover, now, caller, null), now);
        if (!await TrySaveAsync(copy, cancellationToken))
        {
            logger.LogError("Message {MessageId} was retrieved completely by recipient {RecipientIndex} after its delivery had been closed; no handover recorded",
                copy.Message.Id, copy.Recipient.Index);
            return;
        }
        logger.LogInformation("Message {MessageId} handed over to recipient {RecipientIndex}", copy.Message.Id, copy.Recipient.Index);
    }

    // Expiry is decided by the clock, not by when the expiry scan last ran.
    private bool IsPastExpiry(RecipientCopy copy) => copy.Message.ExpiresAt is { } expiresAt && expiresAt <= time.GetUtcNow();

    private DateTimeOffset EnsureAwaitingDecision(RecipientCopy copy)
    {
        if (copy.Recipient.Status == RecipientStatus.Expired || (copy.Recipient.Status == RecipientStatus.AwaitingAcceptance && IsPastExpiry(copy)))
        {
            throw InboxProblems.Expired();
        }
        if (copy.Message.ConsignmentMode != ConsignmentMode.Consent || copy.Recipient.Status != RecipientStatus.AwaitingAcceptance)
        {
            throw InboxProblems.NotAwaitingDecision(copy.Recipient.Status.ToString());
        }
        return time.GetUtcNow();
    }

    private async Task SaveOnceAsync(RecipientCopy copy, CancellationToken cancellationToken)
    {
        if (!await TrySaveAsync(copy, cancellationToken))
        {
            throw Problems.Problems.Conflict("already-recorded", "Already recorded", "This step was already recorded for this message.");
        }
    }

    // False when another request recorded the same event first (double click, retry, expiry).
    private async Task<bool> TrySaveAsync(RecipientCopy copy, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
        {
            logger.LogWarning("Event for message {MessageId} recipient {RecipientIndex} was already recorded", copy.Message.Id, copy.Recipient.Index);
            return false;
        }
    }

    private static DeliveryEvent ActorEvent(RecipientCopy copy, EvidenceEvent evidenceEvent, DateTimeOffset now, Caller caller, EventReason? reason) =>
        DeliveryEvents.Describe(copy.Message.Id, copy.Recipient.Index, evidenceEvent.Name, now, reason?.Code, reason?.Details,
            new DeliveryActor(caller.AuthenticationMethod, caller.AuthenticatedAt, caller.AssuranceLevel));
}
