using MassTransit;

namespace Erds.Persistence.Inbox;

// Which bus message a consumer is handling, carried into the service that records its effects.
// The consumer is named by its type name: renaming a consumer class forgets its receipts, and the
// unique keys of its effects then stop the redeliveries still in flight.
public sealed record InboxReceipt(Guid MessageId, string Consumer)
{
    public static InboxReceipt For<TConsumer>(ConsumeContext context) where TConsumer : IConsumer => new(
        context.MessageId ?? throw new InvalidOperationException("A bus message without a MessageId cannot be de-duplicated."),
        typeof(TConsumer).Name);
}
