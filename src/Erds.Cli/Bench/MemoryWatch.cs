namespace Erds.Cli.Bench;

// Peak memory of the processes named with --pids, from just before the run to just after it.
internal sealed class MemoryWatch
{
    private readonly List<(int Pid, ProcessMemory? Before, bool PeakReset)> _watched = [];

    private MemoryWatch() { }

    public static MemoryWatch Start(IEnumerable<int> pids)
    {
        var watch = new MemoryWatch();
        foreach (var pid in pids)
        {
            var before = ProcessMemory.Read(pid);
            watch._watched.Add((pid, before, before is not null && ProcessMemory.TryResetPeak(pid)));
        }
        return watch;
    }

    public IReadOnlyList<MemoryReport> Stop() => _watched.Select(w =>
    {
        var after = ProcessMemory.Read(w.Pid);
        return w.Before is null || after is null
            ? new MemoryReport(w.Pid, w.Before?.RssBytes, after?.RssBytes, after?.PeakBytes, w.PeakReset,
                $"cannot read /proc/{w.Pid}/status {(w.Before is null ? "before" : "after")} the run")
            : new MemoryReport(w.Pid, w.Before.RssBytes, after.RssBytes, after.PeakBytes, w.PeakReset, null);
    }).ToList();
}
