using MassTransit;

namespace Erds.Consignment.Consign;

// The queue's name only: retries are the same for every endpoint and come from Erds:Bus (BusExtensions).
public sealed class EvidenceIssuedConsumerDefinition : ConsumerDefinition<EvidenceIssuedConsumer>
{
    public EvidenceIssuedConsumerDefinition() => EndpointName = Erds.Contracts.QueueNames.ConsignmentEvidenceIssued;
}
