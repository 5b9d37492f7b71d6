namespace Erds.Persistence;

// Where a safety-net scan of the history (delivery events without evidence, messages never
// consigned) begins. A scan that read everything up to a point and found nothing open before it
// need not read that part again: the next scan starts a little before the point (the overlap covers
// a transaction that committed late and a host whose clock runs behind). So a scan costs what
// happened since the last one, not the whole history, which only grows. The first scan of a process,
// and one a day after it, still read everything: nothing a window could have missed stays missed.
// One per kind of scan (TScan), a singleton in each process.
public sealed class HistoryScanWindow<TScan>(TimeProvider time)
{
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan FullScanEvery = TimeSpan.FromDays(1);

    private readonly Lock gate = new();
    private DateTimeOffset? settledBefore;
    private DateTimeOffset lastFullScan;

    // The earliest time the next scan must read from, or null when it must read everything.
    public DateTimeOffset? ScanFrom()
    {
        lock (gate)
        {
            if (settledBefore is not { } settled || time.GetUtcNow() - lastFullScan >= FullScanEvery) return null;
            return settled - Overlap;
        }
    }

    // A scan that began at `from` (null: everything) found nothing open before `settled`: its cutoff,
    // or the time of the oldest item it found still open, which the next scan reads again.
    public void Settled(DateTimeOffset? from, DateTimeOffset settled)
    {
        lock (gate)
        {
            if (from is null) lastFullScan = time.GetUtcNow();
            settledBefore = settled;
        }
    }
}
