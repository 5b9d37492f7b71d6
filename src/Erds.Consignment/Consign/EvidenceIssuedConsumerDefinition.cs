using MassTransit;

namespace Erds.Consignment.Consign;

public sealed class EvidenceIssuedConsumerDefinition : ConsumerDefinition<EvidenceIssuedConsumer>
{
    public EvidenceIssuedConsumerDefinition() => EndpointName = Erds.Contracts.QueueNames.ConsignmentEvidenceIssued;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EvidenceIssuedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
    }
}
