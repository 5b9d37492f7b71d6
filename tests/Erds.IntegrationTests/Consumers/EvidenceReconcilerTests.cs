using Erds.Contracts;
using Erds.EvidenceService.Reconcile;
using Erds.Persistence.Entities;
using Erds.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace Erds.IntegrationTests.Consumers;

// The reconciler announces again what has no evidence, but never the parked events (an operator's
// business), and takes the others in turn: events that keep failing cannot hold back one whose
// announcement was lost. Readiness reports both. Nothing consumes here: announcements stay in the outbox.
public abstract class EvidenceReconcilerTests(ITestDatabase database) : IAsyncLifetime
{
    private ConsumerRig _rig = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _rig = await ConsumerRig.StartAsync(database);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    [Fact]
    public async Task Parked_events_wait_for_the_operator_the_others_are_announced_in_turn_and_readiness_reports_both()
    {
        var now = DateTimeOffset.UtcNow;
        var scenario = ConsumerRig.Scenario();
        var parked = Events(scenario.Message.Id, "Parked", 120, now.AddHours(-3));
        var failing = Events(scenario.Message.Id, "Failing", 150, now.AddHours(-2));
        var lost = Events(scenario.Message.Id, "Lost", 1, now.AddMinutes(-10));
        await using (var db = database.Open())
        {
            db.AddRange(scenario.Court, scenario.Firm, scenario.FirmMailbox, scenario.Message);
            db.DeliveryEvents.AddRange([.. parked, .. failing, .. lost]);
            db.ParkedDeliveryEvents.AddRange(parked.Select(e => new ParkedDeliveryEvent
            {
                DeliveryEventId = e.Id, MessageId = e.MessageId, RecipientIndex = 0, EventName = e.EventName, Reason = "test", ParkedAt = now,
            }));
            await db.SaveChangesAsync(Cancel);
        }

        // Two scans of a hundred: the 150 old events first, then the rest of them and the lost one.
        for (var scan = 0; scan < 2; scan++)
        {
            await using var scope = _rig.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EvidenceReconciler>().ReconcileAsync(Cancel);
        }

        var announced = await AnnouncedAsync();
        Assert.DoesNotContain(announced, parked.Select(e => e.Id).Contains);
        Assert.Superset(failing.Select(e => e.Id).ToHashSet(), announced);
        Assert.Contains(lost[0].Id, announced);

        var report = await _rig.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "evidence", Cancel);
        var evidence = report.Entries["evidence"];
        Assert.Equal(HealthStatus.Degraded, evidence.Status);
        Assert.Equal(120, evidence.Data["parked"]);
        Assert.Contains("120 delivery event(s) parked", evidence.Description);
        Assert.Contains("the oldest delivery event without evidence is 120 minutes old", evidence.Description);
    }

    private static List<DeliveryEvent> Events(Guid messageId, string kind, int count, DateTimeOffset from) =>
        Enumerable.Range(0, count)
            .Select(i => new DeliveryEvent { Id = Guid.NewGuid(), MessageId = messageId, RecipientIndex = 0, EventName = $"{kind}-{i}", OccurredAt = from.AddMilliseconds(i) })
            .ToList();

    private async Task<HashSet<Guid>> AnnouncedAsync()
    {
        await using var db = database.Open();
        var bodies = await db.Outbox.Where(o => o.MessageType == typeof(DeliveryEventRecorded).FullName).Select(o => o.Body).ToListAsync(Cancel);
        return bodies.Select(b => System.Text.Json.JsonSerializer.Deserialize<DeliveryEventRecorded>(b)!.DeliveryEventId).ToHashSet();
    }
}
