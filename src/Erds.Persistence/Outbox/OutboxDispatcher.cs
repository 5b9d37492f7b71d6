using Erds.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Text.Json;

namespace Erds.Persistence.Outbox;

// Publishes what the outbox holds, in order, and marks each row sent only after the bus accepted it:
// a crash between the two publishes it again, and consumers are idempotent for exactly that case.
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, OutboxMetrics metrics, TimeProvider time, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 100;

    private static readonly Dictionary<string, Type> KnownTypes = typeof(DeliveryEventRecorded).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.Namespace == typeof(DeliveryEventRecorded).Namespace)
        .ToDictionary(t => t.FullName!);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await DispatchBatchAsync(stoppingToken);
                if (published == BatchSize) continue;
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch failed; retrying");
                await Task.Delay(PollInterval, time, stoppingToken);
            }
        }
    }

    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();
        var batch = await db.Outbox.Where(m => m.SentAt == null).OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var row in batch)
        {
            if (!KnownTypes.TryGetValue(row.MessageType, out var type))
            {
                throw new InvalidOperationException($"Outbox row {row.Id} holds unknown message type '{row.MessageType}'.");
            }
            var message = JsonSerializer.Deserialize(row.Body, type)!;
            await bus.Publish(message, type, context => context.MessageId = row.MessageId, cancellationToken);
            row.SentAt = time.GetUtcNow();
            metrics.Published(type.Name, row.SentAt.Value - row.CreatedAt);
            row.Attempts++;
            await db.SaveChangesAsync(cancellationToken);
        }
        return batch.Count;
    }
}
