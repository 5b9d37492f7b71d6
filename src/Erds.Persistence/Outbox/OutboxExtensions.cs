using System.Text.Json;

namespace Erds.Persistence.Outbox;

public static class OutboxExtensions
{
    /// Queues a bus message in the same unit of work as the caller's other changes.
    public static void Enqueue<T>(this ErdsDbContext db, T message, DateTimeOffset now) where T : class
    {
        db.Outbox.Add(new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(now),
            MessageType = typeof(T).FullName!,
            Body = JsonSerializer.Serialize(message),
            CreatedAt = now,
        });
    }
}
