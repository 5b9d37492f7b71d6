using Erds.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Erds.Consignment.Consign;

// The consignment query, compiled once (per model: PerModelQuery): translating it afresh (and
// hashing it to find the cached translation) had cost more CPU than running it.
internal static class ConsignmentQueries
{
    // The message, its sender's name, its local recipients with their mailboxes and whether the bus
    // message was consumed before, in one round trip instead of four.
    public static readonly PerModelQuery<Func<ErdsDbContext, Guid, Guid?, string?, CancellationToken, Task<MessageToConsign?>>> MessageToConsign = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, Guid messageId, Guid? busMessageId, string? consumer, CancellationToken _) =>
            (from m in db.Messages
             join sender in db.Organisations on m.SenderOrganisationId equals sender.Id
             where m.Id == messageId
             select new MessageToConsign(
                 m.Id, m.Status, m.ConsignmentMode, m.SenderAddress, sender.LegalName, m.ExpiresAt,
                 db.InboxMessages.Any(i => i.MessageId == busMessageId && i.Consumer == consumer),
                 (from r in m.Recipients
                  join mailbox in db.Mailboxes on r.MailboxId equals (Guid?)mailbox.Id
                  select new LocalRecipient(r, mailbox.Address, mailbox.NotificationAddress)).ToList()))
            .SingleOrDefault()));
}
