namespace Erds.Contracts;

/// <summary>
/// Sealed, timestamped evidence was stored for a delivery event that another service waits for
/// (today only SubmissionAcceptance, which starts consignment; see the evidence service's
/// EvidenceAnnouncements). Other evidence is stored without an announcement.
/// </summary>
public sealed record EvidenceIssued
{
    /// <summary>The evidence identifier.</summary>
    public required Guid EvidenceId { get; init; }

    /// <summary>The delivery event the evidence proves.</summary>
    public required Guid DeliveryEventId { get; init; }

    /// <summary>The message it belongs to.</summary>
    public required Guid MessageId { get; init; }

    /// <summary>1-based recipient the evidence is about, or 0 for the whole message.</summary>
    public required int RecipientIndex { get; init; }

    /// <summary>The ETSI event name.</summary>
    public required string EventName { get; init; }

    /// <summary>When the event happened.</summary>
    public required DateTimeOffset EventTime { get; init; }
}
