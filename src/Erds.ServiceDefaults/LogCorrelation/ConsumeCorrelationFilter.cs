using Erds.Contracts;
using Erds.Persistence.Outbox;
using MassTransit;
using LogContext = Serilog.Context.LogContext;
using Serilog.Core.Enrichers;

namespace Erds.ServiceDefaults.LogCorrelation;

// Every bus message is handled inside a log context that names it: the correlation id it carries, its
// bus MessageId and ConversationId and, when the contract has one, the ERDS message it is about. The
// correlation id also goes on the outbox rows the handling writes, so the next service continues it.
// BusExtensions registers it on every endpoint inside the retry filter: it runs in the consumer's own
// scope (the same OutboxCorrelation as the consumer's DbContext), once per attempt.
public sealed class ConsumeCorrelationFilter<T>(OutboxCorrelation outbox) : IFilter<ConsumeContext<T>> where T : class
{
    // Our contracts name the ERDS message they are about "MessageId" (a Guid); other types have none.
    private static readonly Func<T, object?>? ErdsMessageId = typeof(T).GetProperty(LogProperties.MessageId) is { } property && property.PropertyType == typeof(Guid)
        ? message => property.GetValue(message)
        : null;

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var correlationId = CorrelationIdOf(context);
        outbox.CorrelationId = correlationId;
        using (LogContext.Push(
            new PropertyEnricher(LogProperties.CorrelationId, correlationId),
            new PropertyEnricher(LogProperties.BusMessageId, context.MessageId),
            new PropertyEnricher(LogProperties.ConversationId, context.ConversationId)))
        using (ErdsMessageId is null ? null : LogContext.PushProperty(LogProperties.MessageId, ErdsMessageId(context.Message)))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("erdsLogCorrelation");

    // The header our outbox writes, checked again (a bus message may come from anywhere); else
    // MassTransit's CorrelationId; else the message starts a correlation of its own, named after its
    // MessageId so that every redelivery of it tells the same story.
    private static string CorrelationIdOf(ConsumeContext context) =>
        context.Headers.Get<string>(Correlation.Header) is { } header && Correlation.IsWellFormed(header) ? header
        : context.CorrelationId?.ToString() ?? context.MessageId?.ToString() ?? Guid.NewGuid().ToString();
}
