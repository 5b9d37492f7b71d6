namespace Erds.Cli.Bench;

// One watched process over a run. Growth is the run's peak over the resident size it started with.
internal sealed record MemoryReport(int Pid, long? RssBeforeBytes, long? RssAfterBytes, long? PeakBytes, bool PeakReset, string? Problem)
{
    public long? PeakGrowthBytes => PeakBytes - RssBeforeBytes;
}
