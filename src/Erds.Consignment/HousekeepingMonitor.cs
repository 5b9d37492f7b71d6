using Erds.Consignment.Consign;
using Erds.Consignment.Expire;
using Erds.Consignment.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Consignment;

// On a fixed interval of the injected clock: resume stalled consignments, close expired deliveries,
// then delete content whose retention period has passed.
public sealed class HousekeepingMonitor(IServiceScopeFactory scopes, IOptions<ConsignmentOptions> options, TimeProvider time, ILogger<HousekeepingMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryScanInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ConsignmentReconciler>().ReconcileAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<ExpiryService>().ExpireDueAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<RetentionService>().PurgeDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Housekeeping failed; next run in {Interval}", options.Value.ExpiryScanInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
