namespace Erds.Persistence.Inbox;

// A bus message one consumer has already acted on. Written in the same transaction as the
// consumer's effects, so a redelivery (same MessageId) is recognised and has no second effect.
// This is the consumers' de-duplication inbox, not a recipient's inbox.
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ConsumedAt { get; init; }
}
