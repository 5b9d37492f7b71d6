using System.Diagnostics.Metrics;

namespace Erds.EvidenceService;

public sealed class EvidenceMetrics
{
    public const string MeterName = "Erds.Evidence";
    private readonly Counter<long> _issued;
    private readonly Histogram<double> _sealDuration;
    private readonly Histogram<double> _delay;
    private readonly Counter<long> _parked;

    public EvidenceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _issued = meter.CreateCounter<long>("erds.evidence.issued", "{evidence}", "Evidence issued, by ETSI event.");
        _sealDuration = meter.CreateHistogram<double>("erds.evidence.seal.duration", "ms", "Time to write, validate, sign and timestamp one evidence.");
        _delay = meter.CreateHistogram<double>("erds.evidence.delay", "ms", "From the event to its stored evidence: the evidence pipeline's lag.");
        _parked = meter.CreateCounter<long>("erds.evidence.parked", "{event}",
            "Delivery events set aside because their evidence can never be sealed as recorded (erds faults parked), by ETSI event.");
    }

    public void Parked(string eventName) => _parked.Add(1, new KeyValuePair<string, object?>("event", eventName));

    public void Issued(string eventName, TimeSpan sealDuration, TimeSpan delay)
    {
        var tag = new KeyValuePair<string, object?>("event", eventName);
        _issued.Add(1, tag);
        _sealDuration.Record(sealDuration.TotalMilliseconds, tag);
        _delay.Record(Math.Max(0, delay.TotalMilliseconds), tag);
    }
}
