namespace Erds.Persistence.Outbox;

// A bus message written in the same transaction as the state change that caused it, published
// afterwards by an outbox dispatcher.
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public Guid MessageId { get; init; }
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }

    // The correlation id of the request or bus message whose handling wrote the row (OutboxCorrelation);
    // published as the message's X-Correlation-Id header. Null for rows of background work.
    public string? CorrelationId { get; set; }

    // How often a dispatcher claimed the row; more than one means a publish failed or a dispatcher died.
    public int Attempts { get; set; }

    // The claim of one dispatcher: no other publishes the row until the lease runs out.
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
