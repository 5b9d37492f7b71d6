using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Erds.ServiceDefaults;

public static class BusExtensions
{
    // The embedded mode's bus: MassTransit's in-memory transport, with the same consumers and
    // endpoint definitions that the distributed mode runs on RabbitMQ.
    public static IHostApplicationBuilder AddInMemoryBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> consumers)
    {
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            consumers(bus);
            bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
        });
        return builder;
    }
}
