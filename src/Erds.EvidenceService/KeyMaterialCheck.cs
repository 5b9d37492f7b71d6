using Erds.Evidence.Timestamping;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Erds.EvidenceService;

// Loads the seal and the timestamp client when the service starts: the development PKI exists from
// the first start on (auditors can be given the root at once), and a wrong key path or password
// stops the service now rather than at its first evidence.
internal sealed class KeyMaterialCheck(IServiceProvider services, ILogger<KeyMaterialCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var keys = services.GetRequiredService<ProviderKeys>();
        services.GetRequiredService<ITimestampClient>();
        logger.LogInformation("Seal certificate {Subject}, valid until {NotAfter:u}", keys.Seal.Certificate.Subject, keys.Seal.Certificate.NotAfter);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
