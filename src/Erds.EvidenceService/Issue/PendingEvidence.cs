using Erds.Persistence.Inbox;

namespace Erds.EvidenceService.Issue;

// One bus message's request for the evidence of a delivery event, waiting to be issued with others
// (EvidenceBatcher). The consumer awaits Completion: it succeeds once the evidence is stored (or was
// found stored already) and fails with the reason this one event could not be issued, so that retries
// and the error queue still work message by message.
public sealed class PendingEvidence(Guid deliveryEventId, InboxReceipt receipt, string? correlationId)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Guid DeliveryEventId { get; } = deliveryEventId;
    public InboxReceipt Receipt { get; } = receipt;

    // The correlation id of the bus message, for the announcement the evidence causes and the log lines.
    public string? CorrelationId { get; } = correlationId;

    public Task Completion => _completion.Task;
    public bool IsCompleted => _completion.Task.IsCompleted;

    public void Succeed() => _completion.TrySetResult();
    public void Fail(Exception reason) => _completion.TrySetException(reason);
}
