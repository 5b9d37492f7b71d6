using Erds.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text.Json;

namespace Erds.Persistence.Outbox;

// Publishes what the outbox holds and marks each row sent only after the bus accepted it: a crash
// between the two publishes it again, and consumers de-duplicate by MessageId for exactly that case.
// Several instances may run against one database: each claims its rows first (OutboxClaim), so two
// dispatchers never publish the same row while a claim holds. Rows this process wrote come to it
// already claimed (OutboxHandover); the database is still read for the rest (rows of a dispatcher
// that died, of other processes whose claim ran out) at least once per poll interval.
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, IOptions<OutboxOptions> options, OutboxMetrics metrics,
    TimeProvider time, ILogger<OutboxDispatcher> logger, OutboxHandover? handover = null)
    : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, Type> KnownTypes = typeof(DeliveryEventRecorded).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.Namespace == typeof(DeliveryEventRecorded).Namespace)
        .ToDictionary(t => t.FullName!);

    // Names this process in the rows it holds, so that an operator can tell who has them.
    internal static readonly string Instance = $"{Environment.MachineName.Truncate(64)}/{Environment.ProcessId}";

    private DateTimeOffset _lastDatabaseClaim = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await DispatchBatchAsync(stoppingToken);
                if (published >= options.Value.BatchSize || handover is { IsEmpty: false }) continue;
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
        if (handover is not null) await ReleaseHandoverQuietlyAsync(handover);
    }

    private async Task ReleaseHandoverQuietlyAsync(OutboxHandover rows)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await rows.ReleaseAsync(scope.ServiceProvider.GetRequiredService<ErdsDbContext>(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Not fatal: the rows' claim runs out and any dispatcher publishes them then.
            logger.LogWarning(ex, "Could not give back the outbox rows handed over to {Owner}", rows.Owner);
        }
    }

    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();
        var published = 0;
        if (handover?.Take(options.Value.BatchSize) is { } handed)
            published = await PublishAsync(db, handed, cancellationToken);
        // Where rows are handed over, the database holds only those nobody handed over (another
        // process's whose claim ran out, rows written where no dispatcher runs): looked for once per
        // poll interval, not at every wake-up, since under load every commit here wakes the dispatcher.
        if (handover is not null && time.GetUtcNow() - _lastDatabaseClaim < PollInterval) return published;
        _lastDatabaseClaim = time.GetUtcNow();
        var owner = $"{Instance}/{Guid.NewGuid():N}";
        var claim = await OutboxClaim.TakeAsync(db, owner, options.Value.BatchSize, options.Value.LeaseDuration, time.GetUtcNow(), cancellationToken);
        return published + await PublishAsync(db, claim, cancellationToken);
    }

    // The rows are published one after the other, in row order, but without waiting for each one's
    // confirm before starting the next: the broker then confirms many together (a quorum queue writes
    // them in one go) instead of one round trip each, which about halved RabbitMQ's CPU per message
    // (docs/performance.md). A publish that has already failed, or a lease that ran out, stops the
    // rows not yet started, as before; those in flight are awaited and only the confirmed ones marked.
    private async Task<int> PublishAsync(ErdsDbContext db, OutboxClaim claim, CancellationToken cancellationToken)
    {
        var inFlight = new List<(OutboxMessage Row, Task Publish)>(claim.Rows.Count);
        foreach (var row in claim.Rows)
        {
            if (inFlight.Any(p => p.Publish.IsFaulted || p.Publish.IsCanceled)) break;
            // Past the lease another dispatcher may already own the rest; it will publish them.
            if (time.GetUtcNow() >= claim.Until)
            {
                logger.LogWarning("Outbox lease {Owner} ran out after {Started} of {Claimed} rows", claim.Owner, inFlight.Count, claim.Rows.Count);
                break;
            }
            inFlight.Add((row, PublishAsync(row, cancellationToken)));
        }
        try
        {
            await Task.WhenAll(inFlight.Select(p => p.Publish));
        }
        catch
        {
            // Each publish is looked at below.
        }
        var published = new List<long>(inFlight.Count);
        foreach (var (row, publish) in inFlight.Where(p => p.Publish.IsCompletedSuccessfully))
        {
            metrics.Published(row.MessageType[(row.MessageType.LastIndexOf('.') + 1)..], time.GetUtcNow() - row.CreatedAt);
            published.Add(row.Id);
        }
        if (inFlight.FirstOrDefault(p => !p.Publish.IsCompletedSuccessfully).Publish is { } failed)
        {
            await MarkSentQuietlyAsync(db, claim, published);
            await ReleaseQuietlyAsync(db, claim);
            await failed;
        }
        // One statement for the whole batch: marking row by row cost a transaction per bus message.
        // A crash before it publishes the batch again after the lease; consumers de-duplicate.
        // Not cancelled by shutdown: what was published is marked, or it would go out again after the lease.
        await claim.MarkSentAsync(db, published, time.GetUtcNow(), CancellationToken.None);
        return published.Count;
    }

    // Async throughout, so that a row that cannot even be read (an unknown type) fails as its task,
    // like a refused publish, instead of stopping the loop that starts the batch.
    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        if (!KnownTypes.TryGetValue(row.MessageType, out var type))
        {
            throw new InvalidOperationException($"Outbox row {row.Id} holds unknown message type '{row.MessageType}'.");
        }
        var message = JsonSerializer.Deserialize(row.Body, type)!;
        await bus.Publish(message, type, context =>
        {
            // The row's MessageId travels as the bus MessageId: consumers' inboxes de-duplicate on it.
            context.MessageId = row.MessageId;
            if (row.CorrelationId is { } correlationId)
            {
                context.Headers.Set(Correlation.Header, correlationId);
                // MassTransit's own field only holds a GUID; when the id is one, broker tools and fault
                // messages show it there too.
                if (Guid.TryParse(correlationId, out var guid)) context.CorrelationId = guid;
            }
        }, cancellationToken);
    }

    private async Task MarkSentQuietlyAsync(ErdsDbContext db, OutboxClaim claim, IReadOnlyList<long> published)
    {
        try
        {
            await claim.MarkSentAsync(db, published, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Not fatal: the rows are published again after the lease and consumers de-duplicate.
            logger.LogWarning(ex, "Could not mark {Count} published outbox rows of claim {Owner} as sent", published.Count, claim.Owner);
        }
    }

    private async Task ReleaseQuietlyAsync(ErdsDbContext db, OutboxClaim claim)
    {
        try
        {
            await claim.ReleaseAsync(db, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Not fatal: the lease runs out and the rows are claimed again then.
            logger.LogWarning(ex, "Could not release outbox claim {Owner}", claim.Owner);
        }
    }
}
