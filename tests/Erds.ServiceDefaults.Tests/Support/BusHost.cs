using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog.Core;
using Xunit;

namespace Erds.ServiceDefaults.Tests.Support;

// A host with the service defaults and the ERDS bus on the in-memory transport, running the test
// consumers; what they see is in Attempts, what was logged in Logs.
public sealed class BusHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BusHost(IHost host) => _host = host;

    public Attempts Attempts => _host.Services.GetRequiredService<Attempts>();

    public CapturedLogs Logs => _host.Services.GetRequiredService<CapturedLogs>();

    public static async Task<BusHost> StartAsync(Attempts attempts, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Configuration["Erds:LogFormat"] ??= "text";
        // No metrics listener: hosts of parallel tests (and other processes) would contend for its port.
        builder.Configuration["Erds:Metrics:Url"] ??= "";
        builder.AddServiceDefaults();
        builder.Services.AddSingleton(attempts);
        builder.Services.AddSingleton<CapturedLogs>();
        builder.Services.AddSingleton<ILogEventSink>(services => services.GetRequiredService<CapturedLogs>());
        builder.Services.AddScoped<ScopeMarker>();
        builder.AddErdsBus(bus =>
        {
            bus.AddConsumer<PingConsumer>();
            bus.AddConsumer<PingFaultConsumer>();
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new BusHost(host);
    }

    public Task PublishAsync(Ping ping, string? correlationId = null) =>
        _host.Services.GetRequiredService<IBus>().Publish(ping, context =>
        {
            if (correlationId is not null) context.Headers.Set(Erds.Contracts.Correlation.Header, correlationId);
        }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
