namespace Erds.Contracts;

/// <summary>
/// The receive queues of the distributed mode, one per consumer. Operators and tools (fault replay)
/// address them by these names; MassTransit adds "_error" for messages that exhausted their retries.
/// </summary>
public static class QueueNames
{
    /// <summary>The evidence service's queue of <see cref="DeliveryEventRecorded"/>.</summary>
    public const string EvidenceDeliveryEventRecorded = "evidence-delivery-event-recorded";

    /// <summary>The consignment service's queue of <see cref="EvidenceIssued"/>.</summary>
    public const string ConsignmentEvidenceIssued = "consignment-evidence-issued";

    /// <summary>Every receive queue.</summary>
    public static IReadOnlyList<string> All { get; } = [EvidenceDeliveryEventRecorded, ConsignmentEvidenceIssued];
}
