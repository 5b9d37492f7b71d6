using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Erds.Persistence.Cleanup;

public static class CleanupExtensions
{
    /// Makes OutboxInboxCleanup available to the host's housekeeping scan (the consignment role's):
    /// one database, so one scan cleans up after every role.
    public static IHostApplicationBuilder AddOutboxInboxCleanup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxInboxCleanupOptions>().BindConfiguration(OutboxInboxCleanupOptions.Section)
            .Validate(o => o.SentOutboxRetention > TimeSpan.Zero, "Erds:Cleanup:SentOutboxRetention must be positive.")
            .Validate(o => o.InboxRetention > TimeSpan.Zero, "Erds:Cleanup:InboxRetention must be positive.")
            .Validate(o => o.InboxRetention >= o.SentOutboxRetention,
                "Erds:Cleanup:InboxRetention must be at least Erds:Cleanup:SentOutboxRetention: a message the outbox still shows as sent must still be recognised by its consumers.")
            .Validate(o => o.BatchSize > 0, "Erds:Cleanup:BatchSize must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CleanupMetrics>();
        builder.Services.AddScoped<OutboxInboxCleanup>();
        return builder;
    }
}
