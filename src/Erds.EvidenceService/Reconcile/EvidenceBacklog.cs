using System.Diagnostics.Metrics;

namespace Erds.EvidenceService.Reconcile;

// What the last reconciliation found: the oldest delivery event still without evidence (parked ones
// aside) and how many events are parked. The readiness check and the metrics read it here: a probe
// every few seconds must not scan the history itself.
public sealed class EvidenceBacklog
{
    private readonly Lock gate = new();
    private Snapshot? last;

    public EvidenceBacklog(IMeterFactory meters)
    {
        var meter = meters.Create(EvidenceMetrics.MeterName);
        meter.CreateObservableGauge("erds.evidence.parked.current", () => Last?.Parked ?? 0, "{event}",
            "Delivery events parked at the last reconciliation: their evidence cannot be sealed as recorded (erds faults parked).");
        meter.CreateObservableGauge("erds.evidence.backlog.oldest", () => Last is { OldestOpenEvent: { } oldest } s ? (s.ScannedAt - oldest).TotalSeconds : 0, "s",
            "Age, at the last reconciliation, of the oldest delivery event still without evidence (parked events aside).");
    }

    public sealed record Snapshot(DateTimeOffset ScannedAt, DateTimeOffset? OldestOpenEvent, int Parked);

    public Snapshot? Last
    {
        get { lock (gate) return last; }
    }

    public void Record(Snapshot snapshot)
    {
        lock (gate) last = snapshot;
    }
}
