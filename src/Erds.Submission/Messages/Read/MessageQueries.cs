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
            .Select(e => new EvidenceRow(e.Id, e.EventName, e.RecipientIndex, e.EventTime, e.IssuedAt, e.Sha256))
            .ToListAsync(cancellationToken);
        return Summaries(rows, include, linkPrefix);
    }

    /// The sender's evidence list and the ownership check in one round trip (senders poll it): null
    /// when the message does not exist or belongs to another organisation.
    public static async Task<IReadOnlyList<EvidenceSummary>?> SentEvidenceSummariesAsync(this ErdsDbContext db, Guid messageId, Guid senderOrganisationId, CancellationToken cancellationToken)
    {
        var found = await db.SentEvidenceSummariesAsync([messageId], senderOrganisationId, cancellationToken);
        return found.TryGetValue(messageId, out var evidence) ? evidence : null;
    }

    /// The evidence lists of several messages of the sender's organisation in one round trip, for
    /// clients that follow many messages at once. A message that does not exist or belongs to another
    /// organisation is simply absent from the answer.
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<EvidenceSummary>>> SentEvidenceSummariesAsync(this ErdsDbContext db, Guid[] messageIds, Guid senderOrganisationId, CancellationToken cancellationToken)
    {
        var rows = new List<SentEvidenceRow>();
        await foreach (var row in SentEvidenceRows.For(db)(db, messageIds, senderOrganisationId).WithCancellation(cancellationToken)) rows.Add(row);
        // A message without evidence yet comes back as one row without evidence.
        return rows.GroupBy(r => r.MessageId).ToDictionary(
            message => message.Key,
            message => (IReadOnlyList<EvidenceSummary>)Summaries(message.Where(r => r.Id is not null)
                .Select(r => new EvidenceRow(r.Id!.Value, r.EventName!, r.RecipientIndex!.Value, r.EventTime!.Value, r.IssuedAt!.Value, r.Sha256!)),
                _ => true, MessageLinks.For(message.Key).Evidence));
    }

    // Compiled once: senders poll this list several times per message, and translating the LINQ
    // again on every poll (expression walk, cache key, shaper lookup) cost more than the SQL.
    private static readonly PerModelQuery<Func<ErdsDbContext, Guid[], Guid, IAsyncEnumerable<SentEvidenceRow>>> SentEvidenceRows = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, Guid[] messageIds, Guid senderOrganisationId) =>
            from m in db.Messages.AsNoTracking()
            where messageIds.Contains(m.Id) && m.SenderOrganisationId == senderOrganisationId
            from e in db.Evidence.AsNoTracking().Where(e => e.MessageId == m.Id).DefaultIfEmpty()
            select new SentEvidenceRow(m.Id, (Guid?)e.Id, e.EventName, (int?)e.RecipientIndex, (DateTimeOffset?)e.EventTime, (DateTimeOffset?)e.IssuedAt, e.Sha256)));

    private sealed record SentEvidenceRow(Guid MessageId, Guid? Id, string? EventName, int? RecipientIndex, DateTimeOffset? EventTime, DateTimeOffset? IssuedAt, byte[]? Sha256);

    private static List<EvidenceSummary> Summaries(IEnumerable<EvidenceRow> rows, Func<int, bool> include, string linkPrefix) =>
        rows.Where(e => include(e.RecipientIndex))
            .OrderBy(e => e.EventTime).ThenBy(e => e.Id)
            .Select(e => new EvidenceSummary(e.Id, e.EventName, e.RecipientIndex, e.EventTime, e.IssuedAt,
                Convert.ToHexStringLower(e.Sha256), $"{linkPrefix}/{e.Id}"))
            .ToList();

    private sealed record EvidenceRow(Guid Id, string EventName, int RecipientIndex, DateTimeOffset EventTime, DateTimeOffset IssuedAt, byte[] Sha256);

    public static PartView ToView(this MessagePart p) => new(p.PartId, p.FileName, p.ContentType, p.Length, Convert.ToHexStringLower(p.Sha256));
}
