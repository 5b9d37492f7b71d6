using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Erds.Submission.Limits;

public static class LimitsExtensions
{
    public static IServiceCollection AddSubmissionLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section)
            .Validate(o => o.PerCredentialRequestsPerSecond >= 0 && o.PerCredentialBurst >= 0 && o.PerAddressRequestsPerSecond >= 0 && o.PerAddressBurst >= 0,
                "Rate limits are zero (off) or positive.")
            .Validate(o => o.ConcurrentSubmissionsPerOrganisation >= 0 && o.MessagesPerDay >= 0 && o.StoredBytes >= 0,
                "Quotas are zero (off) or positive.")
            .Validate(o => o.UploadIdleTimeout >= TimeSpan.Zero && o.MinUploadBytesPerSecond >= 0 && o.MinUploadRateGracePeriod > TimeSpan.FromSeconds(1),
                "UploadIdleTimeout and MinUploadBytesPerSecond are zero (off) or positive; MinUploadRateGracePeriod is over one second (Kestrel's rule).")
            .ValidateOnStart();
        services.AddRequestRateLimits();
        services.AddSingleton<StoredContentTotals>();
        services.AddScoped<OrganisationQuotas>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) =>
        {
            var options = limits.Value;
            kestrel.Limits.MinRequestBodyDataRate = options.MinUploadBytesPerSecond > 0
                ? new MinDataRate(options.MinUploadBytesPerSecond, options.MinUploadRateGracePeriod)
                : null;
        });
        return services;
    }
}
