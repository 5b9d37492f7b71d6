using System.Text.Json;

namespace Erds.Persistence.Outbox;

public static class OutboxExtensions
{
    /// Queues a bus message in the same unit of work as the caller's other changes. The row takes the
    /// scope's correlation id when saved, unless the caller set one (work done for several bus
    /// messages at once names each row's own).
    public static OutboxMessage Enqueue<T>(this ErdsDbContext db, T message, DateTimeOffset now) where T : class
    {
        var row = new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(now),
            MessageType = typeof(T).FullName!,
            Body = JsonSerializer.Serialize(message),
            CreatedAt = now,
        };
        db.Outbox.Add(row);
        return row;
    }
}
