using MassTransit;

namespace Erds.EvidenceService.Issue;

// The queue's name only. Retries (a timestamp authority or the database briefly away) are the same for
// every endpoint and come from Erds:Bus (BusExtensions); what still fails waits in the _error queue
// for an operator, never dropped.
public sealed class DeliveryEventRecordedConsumerDefinition : ConsumerDefinition<DeliveryEventRecordedConsumer>
{
    public DeliveryEventRecordedConsumerDefinition() => EndpointName = Erds.Contracts.QueueNames.EvidenceDeliveryEventRecorded;
}
