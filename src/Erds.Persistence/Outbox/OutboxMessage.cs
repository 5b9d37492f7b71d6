namespace Erds.Persistence.Outbox;

// A bus message written in the same transaction as the state change that caused it, published
// afterwards by the outbox dispatcher.
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public Guid MessageId { get; init; }
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
}
