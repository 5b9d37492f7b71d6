using Erds.Contracts;
using MassTransit;

namespace Erds.EvidenceService.Issue;

public sealed class DeliveryEventRecordedConsumer(EvidenceIssuanceService issuance) : IConsumer<DeliveryEventRecorded>
{
    public Task Consume(ConsumeContext<DeliveryEventRecorded> context) =>
        issuance.IssueAsync(context.Message.DeliveryEventId, context.CancellationToken);
}
