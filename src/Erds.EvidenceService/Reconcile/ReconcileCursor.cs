namespace Erds.EvidenceService.Reconcile;

// Where the evidence reconciler's next batch begins: just after the last event it announced, and
// at the oldest again once it has gone round. So every event without evidence gets its turn, however
// many older ones keep failing; a scan that always took the oldest hundred would announce the same
// hundred for ever and never reach a lost announcement behind them.
public sealed class ReconcileCursor
{
    private readonly Lock gate = new();
    private DateTimeOffset? after;

    public DateTimeOffset? After
    {
        get { lock (gate) return after; }
        set { lock (gate) after = value; }
    }
}
