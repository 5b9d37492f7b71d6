using Erds.Persistence.Outbox;
using Erds.ServiceDefaults.LogCorrelation;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Erds.ServiceDefaults;

public static class BusExtensions
{
    // One bus set-up for every host: the same consumers and endpoint definitions on MassTransit's
    // in-memory transport (embedded) or on RabbitMQ with durable quorum queues and publisher
    // confirms (distributed). Configuration picks the transport; nothing else changes.
    public static IHostApplicationBuilder AddErdsBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> consumers)
    {
        builder.Services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BusOptions>, BusOptionsValidation>();
        builder.Services.TryAddScoped<OutboxCorrelation>();
        // Without these MassTransit waits, on stop, for every consumer in flight, also one that waits
        // out a retry interval: a SIGTERM then took over 60 s. Now a consumer gets ConsumerTimeout to
        // finish, then its token is cancelled (the retry filter's wait too) and the message is left
        // unacknowledged for redelivery.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.ConsumerStopTimeout = Shutdown.ConsumerTimeout;
            options.StopTimeout = Shutdown.BusTimeout;
        });
        // The transport decides which services are registered, so it is read now; it is validated with
        // the rest when the host starts.
        var transport = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>()?.Transport ?? new BusOptions().Transport;
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit reports usage to its makers over the internet unless told not to; a trust
            // service calls nobody it was not configured to call.
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            consumers(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => ConfigureEveryEndpoint(context, endpoint));
            switch (transport)
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
                        transport.PrefetchCount = context.GetRequiredService<IOptions<BusOptions>>().Value.PrefetchCount;
                        transport.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    throw new InvalidOperationException($"Erds:Bus:Transport '{transport}' is neither InMemory nor RabbitMq.");
            }
        });
        return builder;
    }

    // The same on both transports. Retries happen in process while the message stays unacknowledged
    // on its queue: RabbitMQ 3.10 without the delayed-message-exchange plugin offers MassTransit
    // 8.5 no durable delayed redelivery, and a crash during the wait redelivers the message anyway.
    // The retry sits on the endpoint, ahead of the consumers; the correlation filter sits on each
    // consumer's message pipe, where MassTransit creates the consumer's scope. So every attempt gets a
    // new scope (a fresh DbContext, never one a failed attempt left dirty) and its own log context.
    // Nothing may create a scope outside the retry (UseMessageScope would): RetryTests checks this.
    private static void ConfigureEveryEndpoint(IRegistrationContext context, IReceiveEndpointConfigurator endpoint)
    {
        var schedule = context.GetRequiredService<IOptions<BusOptions>>().Value.RetrySchedule();
        endpoint.UseMessageRetry(retry =>
        {
            if (schedule.Length == 0) retry.None();
            else retry.Intervals(schedule);
        });
        endpoint.UseConsumeFilter(typeof(ConsumeCorrelationFilter<>), context);
    }
}
