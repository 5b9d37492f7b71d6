namespace Erds.Persistence.Entities;

// A delivery event whose evidence can never be sealed as recorded: its content breaks a rule of the
// evidence schema or holds text XML cannot carry. Set aside with the reason, so that it is neither
// retried forever nor in the way of other events; an operator looks at it (`erds faults parked`),
// mends the data and releases it (`erds faults release`), which deletes this row and announces the
// event again.
public sealed class ParkedDeliveryEvent
{
    public const int MaxReasonLength = 2000;

    public Guid DeliveryEventId { get; init; }
    public Guid MessageId { get; init; }
    public int RecipientIndex { get; init; }
    public required string EventName { get; init; }

    // Why sealing failed: which field and which rule, never message content.
    public required string Reason { get; init; }

    public DateTimeOffset ParkedAt { get; init; }
}
