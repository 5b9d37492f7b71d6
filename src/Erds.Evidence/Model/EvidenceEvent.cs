namespace Erds.Evidence.Model;

/// <summary>
/// An ERDS event of ETSI EN 319 522-1 §6.2, identified by its URI
/// <c>http://uri.etsi.org/19522/Event/&lt;Name&gt;</c>. Every evidence states exactly one.
/// </summary>
public sealed class EvidenceEvent : IEquatable<EvidenceEvent>
{
    private const string UriPrefix = "http://uri.etsi.org/19522/Event/";

    private EvidenceEvent(string name, EvidenceEventGroup group, bool isNegative)
    {
        Name = name;
        Group = group;
        IsNegative = isNegative;
    }

    /// <summary>The event name as the standard spells it, e.g. <c>SubmissionAcceptance</c>.</summary>
    public string Name { get; }

    /// <summary>The phase of the delivery this event belongs to.</summary>
    public EvidenceEventGroup Group { get; }

    /// <summary>True for failures and rejections: such evidence carries <c>EventReasons</c>.</summary>
    public bool IsNegative { get; }

    /// <summary>The event URI written into <c>ERDSEventId</c>.</summary>
    public string Uri => UriPrefix + Name;

    /// <summary>Sender's ERDS accepted the submitted message.</summary>
    public static readonly EvidenceEvent SubmissionAcceptance = new(nameof(SubmissionAcceptance), EvidenceEventGroup.Submission, false);
    /// <summary>Sender's ERDS rejected the submitted message.</summary>
    public static readonly EvidenceEvent SubmissionRejection = new(nameof(SubmissionRejection), EvidenceEventGroup.Submission, true);
    /// <summary>A peer ERDS accepted a relayed message.</summary>
    public static readonly EvidenceEvent RelayAcceptance = new(nameof(RelayAcceptance), EvidenceEventGroup.Relay, false);
    /// <summary>A peer ERDS rejected a relayed message.</summary>
    public static readonly EvidenceEvent RelayRejection = new(nameof(RelayRejection), EvidenceEventGroup.Relay, true);
    /// <summary>Relaying to a peer ERDS failed.</summary>
    public static readonly EvidenceEvent RelayFailure = new(nameof(RelayFailure), EvidenceEventGroup.Relay, true);
    /// <summary>The recipient was notified and asked to accept or refuse (consent mode).</summary>
    public static readonly EvidenceEvent NotificationForAcceptance = new(nameof(NotificationForAcceptance), EvidenceEventGroup.Consent, false);
    /// <summary>The notification asking for acceptance could not be delivered.</summary>
    public static readonly EvidenceEvent NotificationForAcceptanceFailure = new(nameof(NotificationForAcceptanceFailure), EvidenceEventGroup.Consent, true);
    /// <summary>The recipient accepted the message (consent mode).</summary>
    public static readonly EvidenceEvent ConsignmentAcceptance = new(nameof(ConsignmentAcceptance), EvidenceEventGroup.Consent, false);
    /// <summary>The recipient refused the message (consent mode).</summary>
    public static readonly EvidenceEvent ConsignmentRejection = new(nameof(ConsignmentRejection), EvidenceEventGroup.Consent, true);
    /// <summary>The recipient neither accepted nor refused before expiry (consent mode).</summary>
    public static readonly EvidenceEvent AcceptanceRejectionExpiry = new(nameof(AcceptanceRejectionExpiry), EvidenceEventGroup.Consent, true);
    /// <summary>The content was made available to the recipient.</summary>
    public static readonly EvidenceEvent ContentConsignment = new(nameof(ContentConsignment), EvidenceEventGroup.Consignment, false);
    /// <summary>The content could not be made available to the recipient.</summary>
    public static readonly EvidenceEvent ContentConsignmentFailure = new(nameof(ContentConsignmentFailure), EvidenceEventGroup.Consignment, true);
    /// <summary>The recipient was notified that content is available.</summary>
    public static readonly EvidenceEvent ConsignmentNotification = new(nameof(ConsignmentNotification), EvidenceEventGroup.Consignment, false);
    /// <summary>The notification of available content could not be delivered.</summary>
    public static readonly EvidenceEvent ConsignmentNotificationFailure = new(nameof(ConsignmentNotificationFailure), EvidenceEventGroup.Consignment, true);
    /// <summary>The recipient accessed the content (tracking).</summary>
    public static readonly EvidenceEvent ContentAccessTracking = new(nameof(ContentAccessTracking), EvidenceEventGroup.Consignment, false);
    /// <summary>The recipient retrieved the content: the proof of receipt.</summary>
    public static readonly EvidenceEvent ContentHandover = new(nameof(ContentHandover), EvidenceEventGroup.Handover, false);
    /// <summary>The content was not retrieved before expiry.</summary>
    public static readonly EvidenceEvent ContentHandoverFailure = new(nameof(ContentHandoverFailure), EvidenceEventGroup.Handover, true);
    /// <summary>The message was relayed to a system outside ERDS.</summary>
    public static readonly EvidenceEvent RelayToNonERDS = new(nameof(RelayToNonERDS), EvidenceEventGroup.NonErds, false);
    /// <summary>Relaying to a system outside ERDS failed.</summary>
    public static readonly EvidenceEvent RelayToNonERDSFailure = new(nameof(RelayToNonERDSFailure), EvidenceEventGroup.NonErds, true);
    /// <summary>A message was received from a system outside ERDS.</summary>
    public static readonly EvidenceEvent ReceivedFromNonERDS = new(nameof(ReceivedFromNonERDS), EvidenceEventGroup.NonErds, false);

    /// <summary>Every event of EN 319 522-1 §6.2, in the order of the standard.</summary>
    public static IReadOnlyList<EvidenceEvent> All { get; } =
    [
        SubmissionAcceptance, SubmissionRejection,
        RelayAcceptance, RelayRejection, RelayFailure,
        NotificationForAcceptance, NotificationForAcceptanceFailure, ConsignmentAcceptance, ConsignmentRejection, AcceptanceRejectionExpiry,
        ContentConsignment, ContentConsignmentFailure, ConsignmentNotification, ConsignmentNotificationFailure, ContentAccessTracking,
        ContentHandover, ContentHandoverFailure,
        RelayToNonERDS, RelayToNonERDSFailure, ReceivedFromNonERDS,
    ];

    /// <summary>Finds an event by its name (<c>ContentHandover</c>) or its URI.</summary>
    public static bool TryParse(string nameOrUri, out EvidenceEvent evidenceEvent)
    {
        var name = nameOrUri.StartsWith(UriPrefix, StringComparison.Ordinal) ? nameOrUri[UriPrefix.Length..] : nameOrUri;
        evidenceEvent = All.FirstOrDefault(e => e.Name == name)!;
        return evidenceEvent is not null;
    }

    /// <summary>Finds an event by name or URI, or throws <see cref="ArgumentException"/>.</summary>
    public static EvidenceEvent Parse(string nameOrUri) =>
        TryParse(nameOrUri, out var e) ? e : throw new ArgumentException($"'{nameOrUri}' is not an ETSI EN 319 522 event.", nameof(nameOrUri));

    /// <inheritdoc />
    public bool Equals(EvidenceEvent? other) => other is not null && other.Name == Name;
    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EvidenceEvent);
    /// <inheritdoc />
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
    /// <inheritdoc />
    public override string ToString() => Name;
}
