using Erds.Contracts;
using Erds.Persistence.Outbox;
using Erds.ServiceDefaults.DataProtection;
using Erds.ServiceDefaults.LogCorrelation;
using Erds.ServiceDefaults.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Erds.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    // Logging, health checks and metrics, the same in every host. Logs carry identifiers only:
    // message content, tokens and keys are never logged.
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // Each host logs through its own logger (preserveStaticLogger), not through the static
        // Log.Logger, which the last host built in a process would otherwise take over for all (tests).
        builder.Services.AddSerilog((services, logger) =>
        {
            // Sinks and enrichers registered as services are added too (tests capture events that way).
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext()
                .Enrich.WithProperty("Roles", ErdsRoles.From(builder.Configuration).ToString());
            // JSON for log collectors unless the host asks for text (the embedded default does).
            if (string.Equals(builder.Configuration["Erds:LogFormat"], "text", StringComparison.OrdinalIgnoreCase))
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
            else
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
        }, preserveStaticLogger: true);
        // The request middleware gives each request's correlation id to the outbox rows it writes.
        builder.Services.TryAddScoped<OutboxCorrelation>();
        // "live": the process answers. Everything else (database, broker) also counts for "ready".
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Erds.*")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Url) || Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                "Erds:Metrics:Url must be an http(s) URL such as http://127.0.0.1:9464, or empty to serve no metrics.")
            .ValidateOnStart();
        builder.Services.AddSingleton<MetricsListener>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MetricsListener>());
        builder.AddErdsDataProtection();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = Shutdown.HostTimeout);
        return builder;
    }

    // The identity a request authenticated as, named on its request line. Authentication handlers state
    // it as claims of these names (the API's token handler does), so this needs no module of its own.
    private static readonly string[] IdentityProperties = [LogProperties.CredentialId, LogProperties.OrganisationId, LogProperties.UserId];

    // First in every pipeline, so that everything after it (the exception handler too) logs with the
    // request's correlation id; then one line per request, with its status, duration and the credential
    // and organisation it acted as. Health probes and metric scrapes are logged only at Verbose: they
    // come every few seconds.
    public static WebApplication UseRequestCorrelation(this WebApplication app)
    {
        app.UseMiddleware<RequestCorrelationMiddleware>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                foreach (var property in IdentityProperties)
                {
                    if (http.User.FindFirst(property)?.Value is { } value) diagnostics.Set(property, value);
                }
            };
            options.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/metrics") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
        return app;
    }

    // Health stays on the API's port (load balancers and probes use it); metrics have their own
    // listener (MetricsListener), so /metrics here answers 404.
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
