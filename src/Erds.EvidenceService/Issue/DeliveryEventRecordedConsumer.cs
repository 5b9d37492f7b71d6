using Erds.Contracts;
using Erds.Persistence.Inbox;
using Erds.Persistence.Outbox;
using MassTransit;

namespace Erds.EvidenceService.Issue;

// Hands the event over to be issued with others being consumed at the same moment, and completes
// (acknowledges the bus message) only once its evidence is stored.
public sealed class DeliveryEventRecordedConsumer(EvidenceBatcher batcher, OutboxCorrelation correlation) : IConsumer<DeliveryEventRecorded>
{
    public Task Consume(ConsumeContext<DeliveryEventRecorded> context) =>
        batcher.IssueAsync(context.Message.DeliveryEventId, InboxReceipt.For<DeliveryEventRecordedConsumer>(context),
            correlation.CorrelationId, context.CancellationToken);
}
