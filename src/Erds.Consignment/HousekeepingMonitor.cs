using Erds.Consignment.Consign;
using Erds.Consignment.Expire;
using Erds.Consignment.Retention;
using Erds.Persistence.Cleanup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Consignment;

// On a fixed interval of the injected clock: resume stalled consignments, close expired deliveries,
// then delete content whose retention period has passed; after that, in a scope of its own, delete
// sent outbox rows and inbox receipts past theirs. A failure in one part does not stop the other.
public sealed class HousekeepingMonitor(IServiceScopeFactory scopes, IOptions<ConsignmentOptions> options, TimeProvider time, ILogger<HousekeepingMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryScanInterval, time);
        do
        {
            await RunAsync("deliveries", async services =>
            {
                await services.GetRequiredService<ConsignmentReconciler>().ReconcileAsync(stoppingToken);
                await services.GetRequiredService<ExpiryService>().ExpireDueAsync(stoppingToken);
                await services.GetRequiredService<RetentionService>().PurgeDueAsync(stoppingToken);
            });
            await RunAsync("outbox and inbox cleanup", services => services.GetRequiredService<OutboxInboxCleanup>().DeleteDueAsync(stoppingToken));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync(string work, Func<IServiceProvider, Task> run)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await run(scope.ServiceProvider);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Housekeeping ({Work}) failed; next run in {Interval}", work, options.Value.ExpiryScanInterval);
        }
    }
}
