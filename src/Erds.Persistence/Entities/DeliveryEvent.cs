namespace Erds.Persistence.Entities;

// One thing that happened to a message (an ETSI event), recorded in the same transaction as the
// state change it describes. It is the message's timeline and the input of evidence issuance.
public sealed class DeliveryEvent
{
    public Guid Id { get; init; }
    public Guid MessageId { get; init; }

    // 1-based recipient, or 0 for the whole message. (Message, recipient, event) is unique.
    public int RecipientIndex { get; init; }

    public required string EventName { get; init; }
    public DateTimeOffset OccurredAt { get; init; }

    public string? ReasonCode { get; init; }
    public string? ReasonDetails { get; init; }

    // How and when the acting recipient authenticated (handover, acceptance, refusal).
    public string? ActorAuthenticationMethod { get; init; }
    public DateTimeOffset? ActorAuthenticationTime { get; init; }
    public string? ActorAssuranceLevel { get; init; }
}
