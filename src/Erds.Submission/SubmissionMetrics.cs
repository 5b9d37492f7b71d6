using System.Diagnostics.Metrics;

namespace Erds.Submission;

public sealed class SubmissionMetrics
{
    public const string MeterName = "Erds.Submission";
    private readonly Counter<long> _submitted;

    public SubmissionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _submitted = meter.CreateCounter<long>("erds.messages.submitted", "{message}", "Submissions recorded, by outcome (accepted or rejected).");
    }

    public void Submitted(bool accepted) => _submitted.Add(1, new KeyValuePair<string, object?>("outcome", accepted ? "accepted" : "rejected"));
}
