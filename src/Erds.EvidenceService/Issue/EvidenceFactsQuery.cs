using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.EvidenceService.Issue;

// What the evidence of several delivery events states, loaded in three queries for all of them (the
// events with their messages, senders, submitting users and whether their evidence exists; the
// recipients with their organisations' legal names; the parts). Issuance runs for every evidence,
// and each round trip to the database costs more than the rows it brings.
internal static class EvidenceFactsQuery
{
    // What every evidence of this provider states alike.
    public sealed record Issuer(string ProviderName, byte[] SealCertificate, IReadOnlyList<string> PolicyIds);

    private sealed record Head(DeliveryEvent Event, Message Message, Organisation Sender, OrganisationUser? User, bool Issued);

    private sealed record RecipientRow(MessageRecipient Recipient, string? LegalName);

    // The three queries, compiled once (per model: PerModelQuery): translating them afresh for every
    // batch (and hashing them to find the cached translation) cost more CPU than running them.
    private static readonly PerModelQuery<Func<ErdsDbContext, Guid[], IAsyncEnumerable<Head>>> Heads = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, Guid[] deliveryEventIds) =>
            from e in db.DeliveryEvents.AsNoTracking()
            where deliveryEventIds.Contains(e.Id)
            join m in db.Messages.AsNoTracking() on e.MessageId equals m.Id
            join o in db.Organisations.AsNoTracking() on m.SenderOrganisationId equals o.Id
            join u in db.Users.AsNoTracking() on m.SubmittedByUserId equals (Guid?)u.Id into users
            from u in users.DefaultIfEmpty()
            select new Head(e, m, o, u, db.Evidence.Any(ev => ev.DeliveryEventId == e.Id))));

    private static readonly PerModelQuery<Func<ErdsDbContext, Guid[], IAsyncEnumerable<RecipientRow>>> Recipients = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, Guid[] messageIds) =>
            from r in db.MessageRecipients.AsNoTracking()
            where messageIds.Contains(r.MessageId)
            join mb in db.Mailboxes.AsNoTracking() on r.MailboxId equals (Guid?)mb.Id into mailboxes
            from mb in mailboxes.DefaultIfEmpty()
            join o in db.Organisations.AsNoTracking() on mb.OrganisationId equals o.Id into organisations
            from o in organisations.DefaultIfEmpty()
            select new RecipientRow(r, o == null ? null : o.LegalName)));

    private static readonly PerModelQuery<Func<ErdsDbContext, Guid[], IAsyncEnumerable<MessagePart>>> Parts = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, Guid[] messageIds) =>
            db.MessageParts.AsNoTracking().Where(p => messageIds.Contains(p.MessageId))));

    // One entry per delivery event found (a missing one has none); null when its evidence exists already.
    public static async Task<Dictionary<Guid, EvidenceFacts?>> LoadAsync(
        ErdsDbContext db, IReadOnlyCollection<Guid> deliveryEventIds, Issuer issuer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var heads = await Heads.For(db)(db, [.. deliveryEventIds]).ToListAsync(cancellationToken);
        var facts = heads.Where(h => h.Issued).ToDictionary(h => h.Event.Id, _ => (EvidenceFacts?)null);
        var open = heads.Where(h => !h.Issued).ToList();
        if (open.Count == 0) return facts;

        // One instance per message, however many of its events are in the batch, filled once.
        var messages = open.Select(h => h.Message).DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        var messageIds = messages.Keys.ToArray();
        var recipients = await Recipients.For(db)(db, messageIds).ToListAsync(cancellationToken);
        var parts = (await Parts.For(db)(db, messageIds).ToListAsync(cancellationToken)).ToLookup(p => p.MessageId);
        var recipientsOf = recipients.ToLookup(r => r.Recipient.MessageId);
        var legalNames = new Dictionary<Guid, IReadOnlyDictionary<int, string>>();
        foreach (var message in messages.Values)
        {
            message.Recipients.AddRange(recipientsOf[message.Id].Select(r => r.Recipient).OrderBy(r => r.Index));
            message.Parts.AddRange(parts[message.Id].OrderBy(p => p.Ordinal));
            legalNames[message.Id] = recipientsOf[message.Id].Where(r => r.LegalName is not null).ToDictionary(r => r.Recipient.Index, r => r.LegalName!);
        }
        foreach (var head in open)
        {
            var message = messages[head.Message.Id];
            facts[head.Event.Id] = new EvidenceFacts
            {
                EvidenceId = Guid.CreateVersion7(now),
                DeliveryEvent = head.Event,
                Message = message,
                SenderOrganisation = head.Sender,
                SubmittedBy = head.User,
                RecipientLegalNames = legalNames[message.Id],
                ProviderName = issuer.ProviderName,
                SealCertificate = issuer.SealCertificate,
                PolicyIds = issuer.PolicyIds,
            };
        }
        return facts;
    }
}
