namespace Erds.Persistence.Entities;

// A registered message as submitted. Sender details are stored exactly as they will appear in
// evidence, including how and when the sender authenticated.
public sealed class Message
{
    public Guid Id { get; init; }
    public Guid SenderOrganisationId { get; init; }
    public Guid? SenderMailboxId { get; init; }

    // Exactly as given by the sender; never rewritten.
    public required string SenderAddress { get; init; }

    public Guid? SubmittedByUserId { get; init; }
    public Guid? SubmittedByCredentialId { get; init; }

    public string? Subject { get; init; }

    // The sender's own reference, e.g. a case number; written as AppLayerIdentifier.
    public string? SenderReference { get; init; }

    public ConsignmentMode ConsignmentMode { get; init; }
    public MessageStatus Status { get; set; }
    public string? RejectionCode { get; set; }
    public string? RejectionDetails { get; set; }

    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }

    public required string SenderAuthenticationMethod { get; init; }
    public DateTimeOffset SenderAuthenticationTime { get; init; }
    public required string SenderAssuranceLevel { get; init; }

    // The message's content key, encrypted under the provider's content master key.
    public byte[]? WrappedContentKey { get; set; }

    // When the content was deleted after handover and retention; evidence is kept.
    public DateTimeOffset? ContentDeletedAt { get; set; }

    public List<MessageRecipient> Recipients { get; init; } = [];
    public List<MessagePart> Parts { get; init; } = [];
}
