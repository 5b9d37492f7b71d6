using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Erds.ServiceDefaults.Metrics;

// Serves the Prometheus scrape endpoint on a listener of its own (Erds:Metrics:Url), so that metrics
// are not open to whoever reaches the API: the API's port answers 404 for /metrics. A small Kestrel
// server beside the host's, with nothing but /metrics; it reads the host's meters.
public sealed class MetricsListener(IOptions<MetricsOptions> options, MeterProvider meters, ILoggerFactory logs) : IHostedService, IAsyncDisposable
{
    public const string Path = "/metrics";

    private WebApplication? _server;

    // The addresses it listens on once started (with port 0 in the URL, the port the system chose).
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Url)) return;
        // An empty builder: none of the host's configuration (its Urls above all), services or middleware.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(options.Value.Url);
        builder.Services.AddSingleton(logs);
        // The host's lifetime handles SIGTERM and Ctrl+C, and stops this server with itself.
        builder.Services.AddSingleton<IHostLifetime, NestedLifetime>();
        builder.Services.AddRoutingCore();
        var server = builder.Build();
        server.UseOpenTelemetryPrometheusScrapingEndpoint(meters, predicate: null, path: Path, configureBranchedPipeline: null, optionsName: null);
        server.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await server.StartAsync(cancellationToken);
        _server = server;
        Addresses = [.. server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
        logs.CreateLogger<MetricsListener>().LogInformation("Metrics at {MetricsAddresses}", string.Join(", ", Addresses.Select(a => a + Path)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => _server?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    private sealed class NestedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
