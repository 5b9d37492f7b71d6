using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Erds.Persistence.Outbox;

// Rows this process wrote, handed straight to its own dispatcher once their transaction committed.
// They are claimed for it as they are written (LockedBy and LockedUntil go into the same insert), so
// the dispatcher publishes them without first claiming them from the database: one statement less
// per batch, and no wait for a claim. Should the process die with rows handed over but not yet
// published, their claim runs out after the lease like any other and another dispatcher takes them.
// Registered only where a dispatcher runs: elsewhere rows are written unclaimed, as before.
public sealed class OutboxHandover(IOptions<OutboxOptions> options, TimeProvider time)
{
    private readonly ConcurrentQueue<OutboxMessage> _rows = new();

    // One owner for all rows of this process's handover; never the owner of a database claim.
    public string Owner { get; } = $"{OutboxDispatcher.Instance}/handover/{Guid.NewGuid():N}";

    public bool IsEmpty => _rows.IsEmpty;

    public void Claim(OutboxMessage row)
    {
        row.LockedBy = Owner;
        row.LockedUntil = time.GetUtcNow() + options.Value.LeaseDuration;
        row.Attempts = 1;
    }

    // Called once the rows are committed: before that, another connection could not see them.
    public void Hand(IEnumerable<OutboxMessage> rows)
    {
        foreach (var row in rows) _rows.Enqueue(row);
    }

    // At most `max` handed-over rows, as a claim of this handover that holds until the earliest of their leases.
    public OutboxClaim? Take(int max)
    {
        var rows = new List<OutboxMessage>();
        while (rows.Count < max && _rows.TryDequeue(out var row)) rows.Add(row);
        return rows.Count == 0 ? null : OutboxClaim.Handed(Owner, rows);
    }

    // On a clean stop, what is still waiting here is given back at once instead of after its lease.
    public async Task ReleaseAsync(ErdsDbContext db, CancellationToken cancellationToken)
    {
        _rows.Clear();
        await db.Outbox.Where(m => m.LockedBy == Owner && m.SentAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }
}
