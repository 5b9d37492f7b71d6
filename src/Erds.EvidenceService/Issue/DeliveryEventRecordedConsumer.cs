using Erds.Contracts;
using Erds.Persistence.Inbox;
using MassTransit;

namespace Erds.EvidenceService.Issue;

public sealed class DeliveryEventRecordedConsumer(EvidenceIssuanceService issuance) : IConsumer<DeliveryEventRecorded>
{
    public Task Consume(ConsumeContext<DeliveryEventRecorded> context) =>
        issuance.IssueAsync(context.Message.DeliveryEventId, InboxReceipt.For<DeliveryEventRecordedConsumer>(context), context.CancellationToken);
}
