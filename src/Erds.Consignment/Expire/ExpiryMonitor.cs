using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Consignment.Expire;

public sealed class ExpiryMonitor(IServiceScopeFactory scopes, IOptions<ConsignmentOptions> options, TimeProvider time, ILogger<ExpiryMonitor> logger)
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
                await scope.ServiceProvider.GetRequiredService<ExpiryService>().ExpireDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Expiry scan failed; next scan in {Interval}", options.Value.ExpiryScanInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
