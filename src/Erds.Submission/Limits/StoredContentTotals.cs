using System.Collections.Concurrent;

namespace Erds.Submission.Limits;

// Each organisation's stored content in bytes, read from the database at most once a minute and
// raised by this process's own accepted submissions in between: summing every stored part on each
// submission would cost more, the more an organisation keeps.
public sealed class StoredContentTotals(TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, Total> _totals = new();

    public async Task<long> GetAsync(Guid organisationId, Func<Task<long>> read)
    {
        var now = time.GetUtcNow();
        if (_totals.TryGetValue(organisationId, out var total) && now - total.ReadAt < MaxAge) return total.Bytes;
        var bytes = await read();
        _totals[organisationId] = new Total(bytes, now);
        return bytes;
    }

    public void Add(Guid organisationId, long bytes) =>
        _totals.AddOrUpdate(organisationId, _ => new Total(bytes, DateTimeOffset.MinValue), (_, t) => t with { Bytes = t.Bytes + bytes });

    private sealed record Total(long Bytes, DateTimeOffset ReadAt);
}
