using System.Collections.Concurrent;
using Erds.Contracts;
using Erds.Persistence.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Erds.Persistence.Tests.Support;

// The persistence layer as a host wires it, on a test database, with MassTransit's in-memory bus.
// Every publish passes through BeforePublish (where a test blocks, fails or moves time) and is then
// recorded with its MessageId, in the order the bus accepted them.
public sealed class OutboxRig : IAsyncDisposable
{
    private readonly ITestDatabase _database;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "erds-outbox-" + Guid.NewGuid().ToString("N"));
    private IHost _host = null!;

    private OutboxRig(ITestDatabase database) => _database = database;

    public ConcurrentQueue<Guid> Published { get; } = new();

    // By MessageId: the X-Correlation-Id header and MassTransit's CorrelationId each message went out with.
    public ConcurrentDictionary<Guid, (string? Header, Guid? CorrelationId)> Correlations { get; } = new();

    public Func<Guid, Task> BeforePublish { get; set; } = _ => Task.CompletedTask;

    // With a clock, the host runs on it and hands the rows written through its scopes over to its
    // dispatcher (OutboxHandover), as a process running a dispatcher does.
    public static async Task<OutboxRig> StartAsync(ITestDatabase database, TimeProvider? handoverClock = null)
    {
        var rig = new OutboxRig(database);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Erds:Storage:Provider"] = database.Provider,
            ["Erds:Storage:DataDirectory"] = rig._dataDirectory,
            ["ConnectionStrings:Erds"] = database.ConnectionString,
        });
        if (handoverClock is not null)
        {
            builder.Services.AddSingleton(handoverClock);
            builder.Services.AddOptions<OutboxOptions>();
            builder.Services.AddSingleton<OutboxHandover>();
        }
        builder.AddErdsPersistence();
        builder.Services.AddMassTransit(bus => bus.UsingInMemory());
        rig._host = builder.Build();
        // An observer sees the MessageId the dispatcher set; a configured publish pipe runs too early.
        rig._host.Services.GetRequiredService<IBus>().ConnectPublishObserver(new Recorder(rig));
        await rig._host.StartAsync(TestContext.Current.CancellationToken);
        await using var db = database.Open();
        await db.Outbox.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        return rig;
    }

    public OutboxHandover? Handover => _host.Services.GetService<OutboxHandover>();

    // A dispatcher of this host (taking the host's handover, if any) or, with `ownHandover: false`, of
    // another process on the same database.
    public OutboxDispatcher Dispatcher(TimeProvider clock, int batchSize = 10, TimeSpan? lease = null, bool ownHandover = true) => new(
        _host.Services.GetRequiredService<IServiceScopeFactory>(),
        _host.Services.GetRequiredService<IBus>(),
        _host.Services.GetRequiredService<OutboxSignal>(),
        Options.Create(new OutboxOptions { BatchSize = batchSize, LeaseDuration = lease ?? TimeSpan.FromSeconds(30) }),
        new OutboxMetrics(_host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
        clock,
        NullLogger<OutboxDispatcher>.Instance,
        ownHandover ? Handover : null);

    public ErdsDbContext Open() => _database.Open();

    // Writes rows as a state change would; returns their MessageIds in row (Id) order.
    public async Task<List<Guid>> SeedAsync(int count, DateTimeOffset now)
    {
        await using var db = _database.Open();
        for (var i = 0; i < count; i++)
        {
            db.Enqueue(new DeliveryEventRecorded { DeliveryEventId = Guid.NewGuid(), MessageId = Guid.NewGuid(), RecipientIndex = i, EventName = "SubmissionAcceptance" }, now);
        }
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return await db.Outbox.OrderBy(m => m.Id).Select(m => m.MessageId).ToListAsync(TestContext.Current.CancellationToken);
    }

    // Writes one row as a request or consumer with this correlation id would: through a DbContext of the
    // host, in a scope whose OutboxCorrelation is set. Returns the row's MessageId.
    public async Task<Guid> SeedInScopeAsync(string? correlationId, DateTimeOffset now)
    {
        await using var scope = Scope();
        scope.ServiceProvider.GetRequiredService<OutboxCorrelation>().CorrelationId = correlationId;
        var db = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();
        db.Enqueue(new DeliveryEventRecorded { DeliveryEventId = Guid.NewGuid(), MessageId = Guid.NewGuid(), RecipientIndex = 0, EventName = "SubmissionAcceptance" }, now);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return db.Outbox.Local.Single().MessageId;
    }

    public AsyncServiceScope Scope() => _host.Services.CreateAsyncScope();

    public async Task<List<OutboxMessage>> RowsAsync()
    {
        await using var db = _database.Open();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    private sealed class Recorder(OutboxRig rig) : IPublishObserver
    {
        public Task PrePublish<T>(PublishContext<T> context) where T : class => rig.BeforePublish(context.MessageId!.Value);

        public Task PostPublish<T>(PublishContext<T> context) where T : class
        {
            rig.Published.Enqueue(context.MessageId!.Value);
            rig.Correlations[context.MessageId!.Value] = (context.Headers.Get<string>(Correlation.Header), context.CorrelationId);
            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
