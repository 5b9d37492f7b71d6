using Microsoft.EntityFrameworkCore;

namespace Erds.Persistence.Outbox;

// Rows one dispatcher took for itself. Claiming is a single conditional UPDATE: of two dispatchers
// racing for the same rows, the database lets the second one's re-checked condition fail, so every
// row has one owner at a time. On PostgreSQL the claim skips rows another transaction holds and
// returns what it took in the same statement; elsewhere (SQLite, SQL Server) it is portable LINQ.
// Rows a process wrote itself come already claimed for its dispatcher (OutboxHandover.Take).
public sealed class OutboxClaim
{
    public const int OwnerMaxLength = 128;

    private OutboxClaim(string owner, DateTimeOffset until, IReadOnlyList<OutboxMessage> rows) =>
        (Owner, Until, Rows) = (owner, until, rows);

    public string Owner { get; }
    public DateTimeOffset Until { get; }

    // In Id order: the order in which the state changes wrote them.
    public IReadOnlyList<OutboxMessage> Rows { get; }

    // Rows claimed as they were written (OutboxHandover): the claim holds while all their leases do.
    internal static OutboxClaim Handed(string owner, IReadOnlyList<OutboxMessage> rows) =>
        new(owner, rows.Min(r => r.LockedUntil!.Value), rows.OrderBy(r => r.Id).ToList());

    public static async Task<OutboxClaim> TakeAsync(
        ErdsDbContext db, string owner, int batchSize, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now + lease;
        var rows = db is PostgreSqlErdsDbContext
            ? await TakeSkippingLockedAsync(db, owner, batchSize, until, now, cancellationToken)
            : await TakePortablyAsync(db, owner, batchSize, until, now, cancellationToken);
        return new OutboxClaim(owner, until, rows.OrderBy(m => m.Id).ToList());
    }

    // Waiting for a row another dispatcher is marking sent, while holding rows that one waits for,
    // deadlocked under load (PostgreSQL broke each after a second); SKIP LOCKED never waits.
    private static Task<List<OutboxMessage>> TakeSkippingLockedAsync(
        ErdsDbContext db, string owner, int batchSize, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Outbox.FromSqlInterpolated($"""
                UPDATE "Outbox" SET "LockedBy" = {owner}, "LockedUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (
                    SELECT "Id" FROM "Outbox"
                    WHERE "SentAt" IS NULL AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                    ORDER BY "Id" LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .AsNoTracking().ToListAsync(cancellationToken);

    private static async Task<List<OutboxMessage>> TakePortablyAsync(
        ErdsDbContext db, string owner, int batchSize, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = db.Outbox
            .Where(m => m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id).Take(batchSize).Select(m => m.Id);
        // The condition is repeated on the updated rows themselves: that is what the database
        // re-checks when another dispatcher updated a row between our read and our write.
        await db.Outbox
            .Where(m => next.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.LockedBy, owner)
                .SetProperty(m => m.LockedUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        return await db.Outbox.AsNoTracking().Where(m => m.LockedBy == owner && m.SentAt == null).ToListAsync(cancellationToken);
    }

    // Marks the published rows sent and lets go of them, in one statement. Only rows still held by
    // this claim are touched: past the lease another dispatcher may own them and marks them itself.
    public Task MarkSentAsync(ErdsDbContext db, IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? Task.CompletedTask
            : db.Outbox.Where(m => ids.Contains(m.Id) && m.LockedBy == Owner)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);

    // Gives back what was not published, so that a failed publish is retried at once rather than
    // after the lease; only this claim's rows are touched (a handover's owner holds others too).
    public Task ReleaseAsync(ErdsDbContext db, CancellationToken cancellationToken)
    {
        var ids = Rows.Select(r => r.Id).ToList();
        return db.Outbox.Where(m => ids.Contains(m.Id) && m.LockedBy == Owner && m.SentAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }
}
