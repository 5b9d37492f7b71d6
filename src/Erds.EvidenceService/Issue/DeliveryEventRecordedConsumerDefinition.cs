using MassTransit;

namespace Erds.EvidenceService.Issue;

public sealed class DeliveryEventRecordedConsumerDefinition : ConsumerDefinition<DeliveryEventRecordedConsumer>
{
    public DeliveryEventRecordedConsumerDefinition() => EndpointName = Erds.Contracts.QueueNames.EvidenceDeliveryEventRecorded;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DeliveryEventRecordedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // A timestamp authority or the database may be briefly away: retry, then leave it in the
        // error queue for an operator, never drop it.
        endpointConfigurator.UseMessageRetry(r => r.Exponential(8, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500)));
    }
}
