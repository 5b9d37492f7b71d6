using Erds.Persistence.Content;
using Erds.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Erds.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public const string ConnectionStringName = "Erds";

    public static IHostApplicationBuilder AddErdsPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => StorageProviders.Canonical(o.Provider) is not null,
                $"Erds:Storage:Provider must be one of {string.Join(", ", StorageProviders.All)}.")
            .Validate<IConfiguration>((o, configuration) => StorageProviders.Canonical(o.Provider) is not { } provider
                    || !StorageProviders.NeedsConnectionString(provider)
                    || !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName)),
                $"ConnectionStrings:{ConnectionStringName} is required when Erds:Storage:Provider is {StorageProviders.PostgreSql} or {StorageProviders.SqlServer}.")
            .ValidateOnStart();
        builder.Services.TryAddTimeProvider();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.TryAddScoped<OutboxCorrelation>();
        builder.Services.TryAddSingleton(typeof(HistoryScanWindow<>));
        builder.Services.AddSingleton<OutboxSaveChangesInterceptor>();
        // The context type has to be known while services are registered; a misspelt provider falls
        // back to SQLite here and is reported by the validation above before anything starts.
        var provider = StorageProviders.Canonical(builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"]) ?? StorageProviders.Sqlite;
        switch (provider)
        {
            case StorageProviders.PostgreSql: builder.AddContext<PostgreSqlErdsDbContext>(provider); break;
            case StorageProviders.SqlServer: builder.AddContext<SqlServerErdsDbContext>(provider); break;
            default: builder.AddContext<SqliteErdsDbContext>(provider); break;
        }
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
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.BatchSize > 0, "Erds:Outbox:BatchSize must be positive.")
            .Validate(o => o.LeaseDuration > TimeSpan.Zero, "Erds:Outbox:LeaseDuration must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxHandover>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
        return builder;
    }

    // Every service keeps asking for ErdsDbContext, one per scope; the provider's context answers.
    // Contexts are pooled: their options and internal services are built once, not for every request
    // and bus message (that had been about a seventh of an API request's work). A scope leases one,
    // begins its outbox unit of work with the scope's correlation, and gives it back when it ends.
    private static void AddContext<TContext>(this IHostApplicationBuilder builder, string provider) where TContext : ErdsDbContext
    {
        builder.Services.AddPooledDbContextFactory<TContext>((services, options) =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (StorageProviders.Canonical(storage.Provider) is { } configured && configured != provider)
            {
                // Configuration that arrived after registration would otherwise silently use the wrong database.
                throw new InvalidOperationException($"Erds:Storage:Provider is {configured}, but services were registered for {provider}.");
            }
            var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
            // Only the embedded provider has a default: a database file in the data directory.
            options.UseProvider(provider, string.IsNullOrWhiteSpace(connectionString) ? storage.SqliteConnectionString : connectionString);
            options.AddInterceptors(services.GetRequiredService<OutboxSaveChangesInterceptor>());
            // A unique-key violation is how a duplicate is refused, and callers handle it; EF would
            // log every one as an error first. Unhandled ones still surface through the caller.
            options.ConfigureWarnings(warnings => warnings
                .Log((CoreEventId.SaveChangesFailed, LogLevel.Debug))
                .Log((RelationalEventId.CommandError, LogLevel.Debug)));
        });
        builder.Services.AddScoped<ErdsDbContext>(services =>
        {
            var db = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            db.BeginUnitOfWork(services.GetRequiredService<OutboxCorrelation>());
            return db;
        });
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
