using System.Collections.Concurrent;

namespace Erds.Submission.Limits;

// Each organisation's stored content in bytes, read from the database at most once a minute and
// raised by this process's own accepted submissions in between: summing every stored part on each
// submission would cost more, the more an organisation keeps. What this process adds while a read is
// under way is counted on top of that read (perhaps twice until the next one, never not at all).
public sealed class StoredContentTotals(TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, Organisation> _organisations = new();

    public async Task<long> GetAsync(Guid organisationId, Func<Task<long>> read)
    {
        var organisation = _organisations.GetOrAdd(organisationId, _ => new Organisation());
        var now = time.GetUtcNow();
        if (organisation.Read is { } last && now - last.At < MaxAge) return last.Bytes + organisation.AddedSince(last);
        var addedBefore = organisation.Added;
        var bytes = await read();
        var fresh = new Reading(bytes, addedBefore, now);
        organisation.Read = fresh;
        return bytes + organisation.AddedSince(fresh);
    }

    public void Add(Guid organisationId, long bytes) => _organisations.GetOrAdd(organisationId, _ => new Organisation()).Add(bytes);

    private sealed class Organisation
    {
        private long _added;

        public Reading? Read { get; set; }

        // Everything this process has added, ever: a reading remembers how much of it came before.
        public long Added => Interlocked.Read(ref _added);

        public void Add(long bytes) => Interlocked.Add(ref _added, bytes);

        public long AddedSince(Reading reading) => Added - reading.AddedBefore;
    }

    private sealed record Reading(long Bytes, long AddedBefore, DateTimeOffset At);
}
