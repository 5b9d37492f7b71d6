using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.Submission.Inbox;

// The lookups behind every recipient request, compiled once: translating the same LINQ again on
// each request cost more CPU than the SQL itself.
internal static class InboxQueries
{
    // The caller's deliveries of one message: recipient entries whose mailbox belongs to the
    // organisation. Tracked (no AsNoTracking anywhere in it: that would apply to the whole query),
    // because the inbox changes the recipient's state. Entries still pending or failed were
    // never delivered and do not count.
    public static readonly PerModelQuery<Func<ErdsDbContext, Guid, Guid, IAsyncEnumerable<OwnRecipient>>> OwnRecipients = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, Guid messageId, Guid organisationId) =>
            from r in db.MessageRecipients
            where r.MessageId == messageId && r.Status != RecipientStatus.Pending && r.Status != RecipientStatus.Failed
            from m in db.Mailboxes
            where r.MailboxId == m.Id && m.OrganisationId == organisationId
            select new OwnRecipient(r, m)));

    // The message with its parts in one query (one row per part); the inbox never changes it.
    public static readonly PerModelQuery<Func<ErdsDbContext, Guid, CancellationToken, Task<Message>>> MessageWithParts = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, Guid messageId, CancellationToken _) =>
            db.Messages.AsNoTracking().Include(m => m.Parts).Single(m => m.Id == messageId)));

    public sealed record OwnRecipient(MessageRecipient Recipient, Mailbox Mailbox);
}
