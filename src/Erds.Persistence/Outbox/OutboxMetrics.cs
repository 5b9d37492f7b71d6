using System.Diagnostics.Metrics;

namespace Erds.Persistence.Outbox;

public sealed class OutboxMetrics
{
    public const string MeterName = "Erds.Outbox";
    private readonly Histogram<double> _delay;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _delay = meter.CreateHistogram<double>("erds.outbox.delay", "ms", "From a state change to the publication of its bus message.");
    }

    public void Published(string messageType, TimeSpan delay) =>
        _delay.Record(Math.Max(0, delay.TotalMilliseconds), new KeyValuePair<string, object?>("type", messageType));
}
