using System.Diagnostics.Metrics;

namespace Erds.Persistence.Cleanup;

public sealed class CleanupMetrics
{
    public const string MeterName = "Erds.Cleanup";
    private readonly Counter<long> _deleted;

    public CleanupMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _deleted = meter.CreateCounter<long>("erds.cleanup.deleted", "{row}", "Sent outbox rows and inbox receipts deleted after their retention.");
    }

    // table: "outbox" or "inbox".
    public void Deleted(string table, int rows)
    {
        if (rows > 0) _deleted.Add(rows, new KeyValuePair<string, object?>("table", table));
    }
}
