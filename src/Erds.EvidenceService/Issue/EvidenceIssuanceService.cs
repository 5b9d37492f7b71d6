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
// announce it and note the bus message in the inbox in one transaction. A redelivered event is
// recognised by the inbox or finds its evidence already stored, and stops; the unique keys on the
// delivery event and on the inbox make a second evidence impossible even under a race.
public sealed class EvidenceIssuanceService(
    ErdsDbContext db, EvidenceIssuer issuer, EvidenceMetrics metrics, IOptions<EvidenceServiceOptions> options, TimeProvider time,
    ILogger<EvidenceIssuanceService> logger)
{
    public async Task IssueAsync(Guid deliveryEventId, InboxReceipt receipt, CancellationToken cancellationToken)
    {
        if (await db.HasConsumedAsync(receipt, cancellationToken))
        {
            logger.LogInformation("Bus message {BusMessageId} for delivery event {DeliveryEventId} already handled", receipt.MessageId, deliveryEventId);
            return;
        }
        if (await db.Evidence.AnyAsync(e => e.DeliveryEventId == deliveryEventId, cancellationToken))
        {
            logger.LogInformation("Evidence for delivery event {DeliveryEventId} already issued", deliveryEventId);
            return;
        }
        var facts = await LoadFactsAsync(deliveryEventId, cancellationToken);
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
        db.Enqueue(new EvidenceIssued
        {
            EvidenceId = record.Id,
            DeliveryEventId = deliveryEventId,
            MessageId = record.MessageId,
            RecipientIndex = record.RecipientIndex,
            EventName = record.EventName,
            EventTime = record.EventTime,
        }, now);
        db.RecordConsumed(receipt, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            logger.LogInformation("Evidence for delivery event {DeliveryEventId} was issued concurrently; keeping the first", deliveryEventId);
            return;
        }
        metrics.Issued(record.EventName, sealDuration, record.IssuedAt - record.EventTime);
        logger.LogInformation("Issued {EventName} evidence {EvidenceId} for message {MessageId} recipient {RecipientIndex}",
            record.EventName, record.Id, record.MessageId, record.RecipientIndex);
    }

    private async Task<EvidenceFacts> LoadFactsAsync(Guid deliveryEventId, CancellationToken cancellationToken)
    {
        var deliveryEvent = await db.DeliveryEvents.AsNoTracking().SingleAsync(e => e.Id == deliveryEventId, cancellationToken);
        var message = await db.Messages.AsNoTracking().AsSplitQuery().Include(m => m.Recipients).Include(m => m.Parts)
            .SingleAsync(m => m.Id == deliveryEvent.MessageId, cancellationToken);
        var sender = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == message.SenderOrganisationId, cancellationToken);
        var user = message.SubmittedByUserId is { } userId
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            : null;
        var mailboxIds = message.Recipients.Where(r => r.MailboxId is not null).Select(r => r.MailboxId!.Value).ToList();
        var recipientNames = await (
                from mb in db.Mailboxes
                join o in db.Organisations on mb.OrganisationId equals o.Id
                where mailboxIds.Contains(mb.Id)
                select new { mb.Id, o.LegalName })
            .ToDictionaryAsync(x => x.Id, x => x.LegalName, cancellationToken);
        return new EvidenceFacts
        {
            EvidenceId = Guid.CreateVersion7(time.GetUtcNow()),
            DeliveryEvent = deliveryEvent,
            Message = message,
            SenderOrganisation = sender,
            SubmittedBy = user,
            RecipientLegalNames = message.Recipients
                .Where(r => r.MailboxId is { } id && recipientNames.ContainsKey(id))
                .ToDictionary(r => r.Index, r => recipientNames[r.MailboxId!.Value]),
            ProviderName = options.Value.ProviderName,
            SealCertificate = issuer.SealCertificate,
            PolicyIds = options.Value.PolicyIds,
        };
    }
}
