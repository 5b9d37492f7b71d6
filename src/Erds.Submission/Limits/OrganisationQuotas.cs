using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Erds.Submission.Limits;

// The per-organisation quotas, checked before a submission's body is read: messages per UTC day
// (counted exactly, from the messages table) and bytes of content stored (from StoredContentTotals,
// at most a minute old). Submissions running at the same time are each checked against what was
// recorded when they began, so a quota can be passed by at most the concurrent submissions.
public sealed class OrganisationQuotas(ErdsDbContext db, IOptions<LimitsOptions> options, StoredContentTotals totals, TimeProvider time)
{
    private static readonly PerModelQuery<Func<ErdsDbContext, Guid, DateTimeOffset, CancellationToken, Task<int>>> MessagesSince = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, Guid organisationId, DateTimeOffset since, CancellationToken _) =>
            db.Messages.Count(m => m.SenderOrganisationId == organisationId && m.SubmittedAt >= since)));

    private LimitsOptions Options => options.Value;

    // Throws a quota problem when the organisation may not submit now; otherwise returns how many
    // bytes of content it may still store (long.MaxValue without a storage quota).
    public async Task<long> CheckAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        if (Options.MessagesPerDay > 0)
        {
            var now = time.GetUtcNow();
            var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
            var submitted = await MessagesSince.For(db)(db, organisationId, today, cancellationToken);
            if (submitted >= Options.MessagesPerDay) throw QuotaProblems.MessagesPerDay(Options.MessagesPerDay, today.AddDays(1) - now);
        }
        if (Options.StoredBytes <= 0) return long.MaxValue;
        var stored = await totals.GetAsync(organisationId, () => StoredBytesAsync(organisationId, cancellationToken));
        var remaining = Options.StoredBytes - stored;
        if (remaining <= 0) throw QuotaProblems.StoredBytes(Options.StoredBytes);
        return remaining;
    }

    public void Stored(Guid organisationId, long bytes)
    {
        if (Options.StoredBytes > 0) totals.Add(organisationId, bytes);
    }

    private async Task<long> StoredBytesAsync(Guid organisationId, CancellationToken cancellationToken) =>
        await db.Messages.AsNoTracking()
            .Where(m => m.SenderOrganisationId == organisationId && m.Status != MessageStatus.Rejected && m.ContentDeletedAt == null)
            .SelectMany(m => m.Parts)
            .SumAsync(p => (long?)p.Length, cancellationToken) ?? 0;
}
