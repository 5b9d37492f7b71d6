namespace Erds.Persistence.Entities;

public sealed class MessageRecipient
{
    public Guid Id { get; init; }
    public Guid MessageId { get; init; }

    // 1-based position in the message; evidence refers to recipients by it.
    public int Index { get; init; }

    public required string Identifier { get; init; }
    public required string IdentifierScheme { get; init; }

    // The local mailbox, when the recipient is on this provider.
    public Guid? MailboxId { get; init; }

    public RecipientStatus Status { get; private set; }

    // Optimistic concurrency: two processes racing (retrieval against expiry, accept against refuse)
    // cannot both change the recipient; the loser's save fails and records nothing.
    public int Version { get; private set; }
    public DateTimeOffset? ConsignedAt { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? HandedOverAt { get; set; }

    // When the recipient began retrieving the content; expiry waits for a retrieval in progress.
    public DateTimeOffset? RetrievalStartedAt { get; private set; }

    // Claims the delivery for a retrieval: bumps the version, so an expiry racing it loses.
    public void BeginRetrieval(DateTimeOffset now)
    {
        RetrievalStartedAt = now;
        Version++;
    }

    public void TransitionTo(RecipientStatus status)
    {
        Status = status;
        Version++;
    }
}
