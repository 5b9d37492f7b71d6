using System.Collections.Concurrent;
using Erds.Consignment;
using Erds.EvidenceService;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Persistence.Tests.Support;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Erds.IntegrationTests.Consumers;

// The evidence and consignment consumers as a host wires them, on a test database, with MassTransit's
// test harness as the bus. The host itself is not started: no reconciler, housekeeping or outbox
// dispatcher acts behind the test's back, and what the consumers wrote stays for the test to read.
public sealed class ConsumerRig : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _dataDirectory;

    // Completed consumptions per bus MessageId. The harness's own lists keep one entry per MessageId,
    // which is exactly what a redelivery repeats.
    private readonly ConcurrentDictionary<Guid, int> _completed = new();

    private ConsumerRig(IHost host, string dataDirectory) => (_host, _dataDirectory) = (host, dataDirectory);

    public ITestHarness Harness => _host.Services.GetTestHarness();

    public IServiceProvider Services => _host.Services;

    public string PickupDirectory => Path.Combine(_dataDirectory, "mail-pickup");

    // services: replaces what a test needs replaced, e.g. the notification sender.
    public static async Task<ConsumerRig> StartAsync(ITestDatabase database, Action<IServiceCollection>? services = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "erds-consumers-" + Guid.NewGuid().ToString("N"));
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Erds:Storage:Provider"] = database.Provider,
            ["Erds:Storage:DataDirectory"] = dataDirectory,
            ["ConnectionStrings:Erds"] = database.ConnectionString,
        });
        builder.AddErdsPersistence();
        builder.AddEvidenceService();
        builder.AddConsignment();
        services?.Invoke(builder.Services);
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            bus.AddEvidenceConsumers();
            bus.AddConsignmentConsumers();
        });
        var rig = new ConsumerRig(builder.Build(), dataDirectory);
        await rig.Harness.Start();
        rig.Harness.Bus.ConnectConsumeObserver(new Completions(rig._completed));
        return rig;
    }

    // Publishes as the outbox dispatcher does: the bus MessageId is the outbox row's MessageId.
    // Each message type has one consumer here, so a completed consumption is that consumer's.
    public async Task DeliverAsync<TMessage>(TMessage message, Guid busMessageId) where TMessage : class
    {
        var before = _completed.GetValueOrDefault(busMessageId);
        await Harness.Bus.Publish(message, context => context.MessageId = busMessageId, TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_completed.GetValueOrDefault(busMessageId) == before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{typeof(TMessage).Name} {busMessageId} was not consumed successfully (delivery {before + 1}).");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private sealed class Completions(ConcurrentDictionary<Guid, int> completed) : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            completed.AddOrUpdate(context.MessageId!.Value, 1, (_, count) => count + 1);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    // A court sends a message (basic unless told) to a firm's mailbox; its acceptance is recorded, not yet proven.
    public static (Organisation Court, Organisation Firm, Mailbox FirmMailbox, Message Message, DeliveryEvent Acceptance) Scenario(
        ConsignmentMode mode = ConsignmentMode.Basic)
    {
        var court = Seed.Organisation();
        var firm = Seed.Organisation();
        var firmMailbox = Seed.Mailbox(firm.Id);
        var messageId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var message = new Message
        {
            Id = messageId, SenderOrganisationId = court.Id, SenderAddress = "griffie@rechtbank.example", Subject = "Dagvaarding",
            ConsignmentMode = mode, Status = MessageStatus.Accepted, SubmittedAt = now, ExpiresAt = now.AddDays(14),
            SenderAuthenticationMethod = AuthenticationMethods.ApiToken, SenderAuthenticationTime = now, SenderAssuranceLevel = AssuranceLevels.Substantial,
            Recipients = [new MessageRecipient { Id = Guid.NewGuid(), MessageId = messageId, Index = 1, Identifier = firmMailbox.Address, IdentifierScheme = "mailto", MailboxId = firmMailbox.Id }],
            Parts = [new MessagePart { Id = Guid.NewGuid(), MessageId = messageId, Ordinal = 0, PartId = "body", ContentType = "text/plain", Length = 4, Sha256 = new byte[32] }],
        };
        var acceptance = new DeliveryEvent { Id = Guid.NewGuid(), MessageId = messageId, RecipientIndex = 0, EventName = "SubmissionAcceptance", OccurredAt = now };
        return (court, firm, firmMailbox, message, acceptance);
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        _host.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
