using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.Submission.Messages.Read;

// Read models shared by the sender and recipient views.
public static class MessageQueries
{
    public static Task<Message?> FindWithDetailsAsync(this ErdsDbContext db, Guid messageId, CancellationToken cancellationToken) =>
        db.Messages.AsNoTracking().AsSplitQuery()
            .Include(m => m.Recipients).Include(m => m.Parts)
            .SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);

    public static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(this ErdsDbContext db, Guid messageId, CancellationToken cancellationToken)
    {
        var events = await db.DeliveryEvents.AsNoTracking().Where(e => e.MessageId == messageId).ToListAsync(cancellationToken);
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.MessageId == messageId)
            .Select(e => new { e.DeliveryEventId, e.Id }).ToDictionaryAsync(e => e.DeliveryEventId, e => e.Id, cancellationToken);
        return events
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new TimelineEntry(e.EventName, e.RecipientIndex, e.OccurredAt, e.ReasonCode, e.ReasonDetails,
                evidence.TryGetValue(e.Id, out var id) ? id : null))
            .ToList();
    }

    public static async Task<IReadOnlyList<EvidenceSummary>> EvidenceSummariesAsync(this ErdsDbContext db, Guid messageId, Func<int, bool> include, string linkPrefix, CancellationToken cancellationToken)
    {
        var rows = await db.Evidence.AsNoTracking().Where(e => e.MessageId == messageId)
            .Select(e => new { e.Id, e.EventName, e.RecipientIndex, e.EventTime, e.IssuedAt, e.Sha256 })
            .ToListAsync(cancellationToken);
        return rows.Where(e => include(e.RecipientIndex))
            .OrderBy(e => e.EventTime).ThenBy(e => e.Id)
            .Select(e => new EvidenceSummary(e.Id, e.EventName, e.RecipientIndex, e.EventTime, e.IssuedAt,
                Convert.ToHexStringLower(e.Sha256), $"{linkPrefix}/{e.Id}"))
            .ToList();
    }

    public static PartView ToView(this MessagePart p) => new(p.PartId, p.FileName, p.ContentType, p.Length, Convert.ToHexStringLower(p.Sha256));
}
