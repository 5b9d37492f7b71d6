using Erds.Contracts;
using Erds.Evidence;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Persistence.Inbox;
using Erds.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.EvidenceService.Issue;

// Issues the evidence for one delivery event: compose, validate, seal, timestamp, then store it,
// announce it and note the bus message in the inbox in one transaction. A redelivered event finds
// its evidence already stored, and stops; the unique keys on the delivery event and on the inbox
// make a second evidence impossible even under a race.
public sealed class EvidenceIssuanceService(
    ErdsDbContext db, EvidenceIssuer issuer, EvidenceMetrics metrics, IOptions<EvidenceServiceOptions> options, TimeProvider time,
    ILogger<EvidenceIssuanceService> logger)
{
    public async Task IssueAsync(Guid deliveryEventId, InboxReceipt receipt, CancellationToken cancellationToken)
    {
        // The evidence is this consumer's only effect and is saved with its inbox receipt, so a stored
        // evidence answers for a handled bus message too; the facts query asks for it on the way.
        if (await LoadFactsAsync(deliveryEventId, cancellationToken) is not { } facts)
        {
            logger.LogInformation("Evidence for delivery event {DeliveryEventId} already issued (bus message {BusMessageId})", deliveryEventId, receipt.MessageId);
            return;
        }
        var sealing = time.GetTimestamp();
        var issued = await issuer.IssueAsync(EvidenceComposer.Compose(facts), cancellationToken);
        var sealDuration = time.GetElapsedTime(sealing);

        var now = time.GetUtcNow();
        var record = new EvidenceRecord
        {
            Id = facts.EvidenceId,
            DeliveryEventId = deliveryEventId,
            MessageId = facts.Message.Id,
            RecipientIndex = facts.DeliveryEvent.RecipientIndex,
            EventName = facts.DeliveryEvent.EventName,
            EventTime = facts.DeliveryEvent.OccurredAt,
            IssuedAt = now,
            Xml = issued.Xml,
            Sha256 = issued.Sha256,
        };
        db.Evidence.Add(record);
        if (EvidenceAnnouncements.StartsFurtherWork(record.EventName))
        {
            db.Enqueue(new EvidenceIssued
            {
                EvidenceId = record.Id,
                DeliveryEventId = deliveryEventId,
                MessageId = record.MessageId,
                RecipientIndex = record.RecipientIndex,
                EventName = record.EventName,
                EventTime = record.EventTime,
            }, now);
        }
        db.RecordConsumed(receipt, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            logger.LogInformation("Evidence for delivery event {DeliveryEventId} or bus message {BusMessageId} was recorded concurrently; keeping the first", deliveryEventId, receipt.MessageId);
            return;
        }
        metrics.Issued(record.EventName, sealDuration, record.IssuedAt - record.EventTime);
        logger.LogInformation("Issued {EventName} evidence {EvidenceId} for message {MessageId} recipient {RecipientIndex}",
            record.EventName, record.Id, record.MessageId, record.RecipientIndex);
    }

    // Three queries (the event with its message, sender, submitting user and whether its evidence
    // exists; the recipients with their organisations' legal names; the parts) rather than one per
    // table: this runs for every evidence, and each round trip to the database costs more than the
    // rows it brings. Null when the evidence was issued already.
    private async Task<EvidenceFacts?> LoadFactsAsync(Guid deliveryEventId, CancellationToken cancellationToken)
    {
        var head = await (
                from e in db.DeliveryEvents.AsNoTracking()
                where e.Id == deliveryEventId
                join m in db.Messages.AsNoTracking() on e.MessageId equals m.Id
                join o in db.Organisations.AsNoTracking() on m.SenderOrganisationId equals o.Id
                join u in db.Users.AsNoTracking() on m.SubmittedByUserId equals (Guid?)u.Id into users
                from u in users.DefaultIfEmpty()
                select new { Event = e, Message = m, Sender = o, User = u, Issued = db.Evidence.Any(ev => ev.DeliveryEventId == e.Id) })
            .SingleAsync(cancellationToken);
        if (head.Issued) return null;
        var message = head.Message;
        var recipients = await (
                from r in db.MessageRecipients.AsNoTracking()
                where r.MessageId == message.Id
                join mb in db.Mailboxes.AsNoTracking() on r.MailboxId equals (Guid?)mb.Id into mailboxes
                from mb in mailboxes.DefaultIfEmpty()
                join o in db.Organisations.AsNoTracking() on mb.OrganisationId equals o.Id into organisations
                from o in organisations.DefaultIfEmpty()
                select new { Recipient = r, LegalName = o == null ? null : o.LegalName })
            .ToListAsync(cancellationToken);
        message.Recipients.AddRange(recipients.Select(r => r.Recipient).OrderBy(r => r.Index));
        message.Parts.AddRange(await db.MessageParts.AsNoTracking().Where(p => p.MessageId == message.Id).OrderBy(p => p.Ordinal).ToListAsync(cancellationToken));
        return new EvidenceFacts
        {
            EvidenceId = Guid.CreateVersion7(time.GetUtcNow()),
            DeliveryEvent = head.Event,
            Message = message,
            SenderOrganisation = head.Sender,
            SubmittedBy = head.User,
            RecipientLegalNames = recipients.Where(r => r.LegalName is not null).ToDictionary(r => r.Recipient.Index, r => r.LegalName!),
            ProviderName = options.Value.ProviderName,
            SealCertificate = issuer.SealCertificate,
            PolicyIds = options.Value.PolicyIds,
        };
    }
}
