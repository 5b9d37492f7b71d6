using Erds.Persistence.Outbox;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Erds.ServiceDefaults.Tests.Support;

public sealed class PingConsumer(Attempts attempts, ScopeMarker scope, OutboxCorrelation outbox, ILogger<PingConsumer> logger) : IConsumer<Ping>
{
    public Task Consume(ConsumeContext<Ping> context)
    {
        attempts.Seen.Enqueue(new Attempt(scope, outbox.CorrelationId));
        logger.LogInformation("Ping attempt {Attempt}", attempts.Seen.Count);
        if (attempts.ShouldFail) throw new InvalidOperationException("Not yet.");
        attempts.Effects.Enqueue(context.Message.MessageId);
        attempts.Done.TrySetResult();
        return Task.CompletedTask;
    }
}

// Receives what MassTransit publishes when a message goes to the _error queue.
public sealed class PingFaultConsumer(Attempts attempts) : IConsumer<Fault<Ping>>
{
    public Task Consume(ConsumeContext<Fault<Ping>> context)
    {
        attempts.Faults.Enqueue(context.Message.Message.MessageId);
        attempts.Done.TrySetResult();
        return Task.CompletedTask;
    }
}
