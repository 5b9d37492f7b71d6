using Erds.Evidence;
using Erds.Evidence.Pki;
using Erds.Evidence.Signing;
using Erds.Evidence.Timestamping;
using Erds.EvidenceService.Issue;
using Erds.EvidenceService.Reconcile;
using Erds.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Erds.EvidenceService;

public static class EvidenceServiceExtensions
{
    public static IHostApplicationBuilder AddEvidenceService(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EvidenceServiceOptions>().BindConfiguration(EvidenceServiceOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ProviderName), "Erds:Evidence:ProviderName is required.")
            .Validate(o => o.KeySource is "Development" or "Files", "Erds:Evidence:KeySource is 'Development' or 'Files'.")
            .Validate(o => o.IssueBatchSize is >= 1 and <= 1000, "Erds:Evidence:IssueBatchSize is between 1 and 1000.")
            .Validate(o => o.IssueWorkers is >= 1 and <= 64, "Erds:Evidence:IssueWorkers is between 1 and 64.")
            .Validate(o => o.MaxEvidenceDelay >= EvidenceReconciler.Patience,
                $"Erds:Evidence:MaxEvidenceDelay is at least the reconciler's patience of {EvidenceReconciler.Patience.TotalMinutes:0} minutes.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ProviderKeys>(services => ProviderKeys.Load(
            services.GetRequiredService<IOptions<EvidenceServiceOptions>>().Value,
            services.GetRequiredService<IOptions<StorageOptions>>().Value,
            services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ISealSigner>(services => services.GetRequiredService<ProviderKeys>().Seal);
        builder.Services.AddHttpClient(nameof(HttpTimestampClient));
        builder.Services.AddSingleton<ITimestampClient>(services => TimestampClientFactory.Create(services));
        builder.Services.AddSingleton<EvidenceIssuer>();
        builder.Services.AddHostedService<KeyMaterialCheck>();
        builder.Services.AddSingleton<EvidenceMetrics>();
        builder.Services.AddScoped<EvidenceIssuanceService>();
        builder.Services.AddSingleton<EvidenceBatcher>();
        builder.Services.AddScoped<EvidenceReconciler>();
        builder.Services.AddSingleton<ReconcileCursor>();
        builder.Services.AddSingleton<EvidenceBacklog>();
        builder.Services.AddHostedService<EvidenceReconciliationMonitor>();
        builder.Services.AddHealthChecks().AddCheck<EvidenceBacklogHealthCheck>("evidence", tags: ["ready"]);
        return builder;
    }

    public static IBusRegistrationConfigurator AddEvidenceConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<DeliveryEventRecordedConsumer, DeliveryEventRecordedConsumerDefinition>();
        return bus;
    }
}
