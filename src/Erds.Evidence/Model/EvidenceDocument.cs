namespace Erds.Evidence.Model;

/// <summary>
/// The content of one ETSI EN 319 522-3 <c>Evidence</c>, before it is written, validated and sealed.
/// Fields follow the schema order.
/// </summary>
public sealed record EvidenceDocument
{
    /// <summary>The schema version written into the <c>version</c> attribute.</summary>
    public const string SchemaVersion = "1.2.1";

    /// <summary>A unique identifier of this evidence.</summary>
    public required string EvidenceIdentifier { get; init; }

    /// <summary>The event this evidence proves.</summary>
    public required EvidenceEvent Event { get; init; }

    /// <summary>Why the event happened; required for negative events.</summary>
    public IReadOnlyList<EventReason> Reasons { get; init; } = [];

    /// <summary>When the event happened.</summary>
    public required DateTimeOffset EventTime { get; init; }

    /// <summary>Policy identifiers under which the provider issued the evidence.</summary>
    public IReadOnlyList<string> IssuerPolicyIds { get; init; } = [];

    /// <summary>The issuing provider.</summary>
    public required IssuerDetails Issuer { get; init; }

    /// <summary>The sender.</summary>
    public required PartyDetails Sender { get; init; }

    /// <summary>Who submitted on the sender's behalf (a user of a functional mailbox), if anyone.</summary>
    public PartyDetails? SenderDelegate { get; init; }

    /// <summary>The recipients, at least one, in the order of the message.</summary>
    public required IReadOnlyList<PartyDetails> Recipients { get; init; }

    /// <summary>When the message was submitted.</summary>
    public DateTimeOffset? SubmissionTime { get; init; }

    /// <summary>1-based position in <see cref="Recipients"/> of the recipient this evidence is about, if one.</summary>
    public int? RefersToRecipient { get; init; }

    /// <summary>The message identifier.</summary>
    public string? MessageIdentifier { get; init; }

    /// <summary>An application-layer identifier (e.g. the sender's case number).</summary>
    public string? AppLayerIdentifier { get; init; }

    /// <summary>The parts of the user content with their digests; empty when the evidence binds no content.</summary>
    public IReadOnlyList<ContentPart> ContentParts { get; init; } = [];
}
