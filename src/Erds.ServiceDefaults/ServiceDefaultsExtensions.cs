using Erds.Persistence.Outbox;
using Erds.ServiceDefaults.LogCorrelation;
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
        return builder;
    }

    // First in every pipeline, so that everything after it (the exception handler too) logs with the
    // request's correlation id; then one line per request, with its status and duration. Health probes
    // and metric scrapes are logged only at Verbose: they come every few seconds.
    public static WebApplication UseRequestCorrelation(this WebApplication app)
    {
        app.UseMiddleware<RequestCorrelationMiddleware>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/metrics") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
        return app;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
