using Erds.Consignment.Consign;
using Erds.Consignment.Expire;
using Erds.Consignment.Notify;
using Erds.Consignment.Retention;
using Erds.Persistence;
using Erds.Persistence.Cleanup;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Erds.Consignment;

public static class ConsignmentExtensions
{
    public static IHostApplicationBuilder AddConsignment(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsignmentOptions>().BindConfiguration(ConsignmentOptions.Section)
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Erds:Consignment:PublicBaseUrl must be an absolute URL.")
            .Validate(o => o.ExpiryScanInterval > TimeSpan.Zero, "ExpiryScanInterval must be positive.")
            .Validate(o => o.ContentRetention >= TimeSpan.Zero, "ContentRetention cannot be negative.")
            .ValidateOnStart();
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<INotificationSender>(services =>
        {
            var notification = services.GetRequiredService<IOptions<NotificationOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(notification.SmtpHost)) return new SmtpNotificationSender(notification);
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new PickupFolderNotificationSender(notification.PickupDirectory ?? Path.Combine(storage.DataDirectory, "mail-pickup"), notification.From);
        });
        builder.Services.AddScoped<ConsignmentService>();
        builder.Services.AddScoped<RecipientNotifications>();
        builder.Services.AddScoped<ExpiryService>();
        builder.Services.AddScoped<RetentionService>();
        builder.Services.AddScoped<ConsignmentReconciler>();
        builder.AddOutboxInboxCleanup();
        builder.Services.AddHostedService<HousekeepingMonitor>();
        return builder;
    }

    public static IBusRegistrationConfigurator AddConsignmentConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<EvidenceIssuedConsumer, EvidenceIssuedConsumerDefinition>();
        return bus;
    }
}
