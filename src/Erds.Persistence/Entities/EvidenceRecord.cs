namespace Erds.Persistence.Entities;

// Sealed evidence exactly as issued. The XML bytes are never re-serialised.
public sealed class EvidenceRecord
{
    public Guid Id { get; init; }

    // The delivery event this evidence proves; unique, so no event gets two evidences.
    public Guid DeliveryEventId { get; init; }

    public Guid MessageId { get; init; }
    public int RecipientIndex { get; init; }
    public required string EventName { get; init; }
    public DateTimeOffset EventTime { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public required byte[] Xml { get; init; }
    public required byte[] Sha256 { get; init; }
}
