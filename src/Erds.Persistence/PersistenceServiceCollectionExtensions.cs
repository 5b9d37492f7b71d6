using Erds.Persistence.Content;
using Erds.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Erds.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddErdsPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => o.Provider == "Sqlite", "Erds:Storage:Provider must be 'Sqlite' in this version.")
            .ValidateOnStart();
        builder.Services.TryAddTimeProvider();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<OutboxSaveChangesInterceptor>();
        builder.Services.AddDbContext<ErdsDbContext>((services, options) =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connectionString = builder.Configuration.GetConnectionString("Erds") ?? storage.SqliteConnectionString;
            options.UseSqlite(connectionString);
            options.AddInterceptors(services.GetRequiredService<OutboxSaveChangesInterceptor>());
            // A unique-key violation is how a duplicate is refused, and callers handle it; EF would
            // log every one as an error first. Unhandled ones still surface through the caller.
            options.ConfigureWarnings(warnings => warnings
                .Log((CoreEventId.SaveChangesFailed, LogLevel.Debug))
                .Log((RelationalEventId.CommandError, LogLevel.Debug)));
        });
        builder.Services.AddSingleton(services =>
            new ContentStore(services.GetRequiredService<IOptions<StorageOptions>>().Value.ContentDirectory));
        builder.Services.AddSingleton(services =>
            ContentKeyProtector.LoadOrCreate(services.GetRequiredService<IOptions<StorageOptions>>().Value.MasterKeyPath));
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddHealthChecks().AddDbContextCheck<ErdsDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// Runs the outbox dispatcher in this process: every host that writes state changes needs one.
    public static IHostApplicationBuilder AddOutboxDispatcher(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OutboxMetrics>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
