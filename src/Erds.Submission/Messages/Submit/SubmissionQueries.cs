using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.Submission.Messages.Submit;

// The lookups every submission makes, compiled once: translating the same LINQ again on each
// request (expression walk, cache key, shaper lookup) cost more CPU than the SQL itself.
internal static class SubmissionQueries
{
    public static readonly PerModelQuery<Func<ErdsDbContext, Guid, string, CancellationToken, Task<IdempotencyRecord?>>> PreviousAnswer = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, Guid organisationId, string key, CancellationToken _) =>
            db.IdempotencyRecords.AsNoTracking().SingleOrDefault(r => r.OrganisationId == organisationId && r.Key == key)));

    public static readonly PerModelQuery<Func<ErdsDbContext, List<string>, IAsyncEnumerable<Mailbox>>> MailboxesByKey = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, List<string> keys) =>
            db.Mailboxes.AsNoTracking().Where(m => keys.Contains(m.AddressKey))));
}
