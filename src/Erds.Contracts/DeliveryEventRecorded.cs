namespace Erds.Contracts;

/// <summary>
/// Something evidence must prove has happened to a message: it was submitted, rejected, consigned,
/// handed over... The details live in the delivery event record with <see cref="DeliveryEventId"/>,
/// written in the same transaction that published this message; the evidence service turns it into
/// sealed evidence.
/// </summary>
public sealed record DeliveryEventRecorded
{
    /// <summary>The stored delivery event.</summary>
    public required Guid DeliveryEventId { get; init; }

    /// <summary>The message it belongs to.</summary>
    public required Guid MessageId { get; init; }

    /// <summary>1-based recipient the event is about, or 0 when it is about the whole message.</summary>
    public required int RecipientIndex { get; init; }

    /// <summary>The ETSI event name, e.g. <c>SubmissionAcceptance</c>.</summary>
    public required string EventName { get; init; }
}
