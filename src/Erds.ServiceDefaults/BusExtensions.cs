using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Erds.ServiceDefaults;

public static class BusExtensions
{
    // One bus set-up for every host: the same consumers and endpoint definitions on MassTransit's
    // in-memory transport (embedded) or on RabbitMQ with durable quorum queues and publisher
    // confirms (distributed). Configuration picks the transport; nothing else changes.
    public static IHostApplicationBuilder AddErdsBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> consumers)
    {
        var options = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            consumers(bus);
            switch (options.Transport)
            {
                case "InMemory":
                    bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
                    break;
                case "RabbitMq":
                    var broker = RabbitMqAddress.Parse(builder.Configuration.GetConnectionString("RabbitMq")
                        ?? throw new InvalidOperationException("Erds:Bus:Transport is RabbitMq but ConnectionStrings:RabbitMq is not set."));
                    bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                    {
                        // Replicated, durable queues: a broker node restart loses nothing.
                        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
                    });
                    bus.UsingRabbitMq((context, transport) =>
                    {
                        transport.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                        {
                            host.Username(broker.Username);
                            host.Password(broker.Password);
                            host.PublisherConfirmation = true;
                        });
                        transport.PrefetchCount = options.PrefetchCount;
                        transport.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    throw new InvalidOperationException($"Erds:Bus:Transport '{options.Transport}' is neither InMemory nor RabbitMq.");
            }
        });
        return builder;
    }
}
