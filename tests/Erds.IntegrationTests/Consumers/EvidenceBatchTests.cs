using Erds.Contracts;
using Erds.Evidence.Timestamping;
using Erds.EvidenceService;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Erds.EvidenceService.Issue;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Persistence.Inbox;
using Erds.Persistence.Tests.Support;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Erds.IntegrationTests.Consumers;

// Evidence is issued for several bus messages at once (EvidenceBatcher, EvidenceIssuanceService), yet
// each bus message succeeds or fails on its own: one event that cannot be issued, or asked for twice,
// costs the others of its batch nothing.
public abstract class EvidenceBatchTests(ITestDatabase database) : IAsyncLifetime
{
    private ConsumerRig _rig = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _rig = await ConsumerRig.StartAsync(database);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    [Fact]
    public async Task A_batch_issues_each_event_once_and_fails_only_the_missing_one()
    {
        var (acceptance, consignment) = await SeedAsync();
        var first = Request(acceptance.Id, "court-first");
        var again = Request(acceptance.Id, "court-again");
        var consigned = Request(consignment.Id, "court-consigned");
        var missing = Request(Guid.NewGuid(), "court-missing");

        await using (var scope = _rig.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EvidenceIssuanceService>().IssueAsync([first, missing, consigned, again], Cancel);
        }

        await first.Completion;
        await again.Completion;
        await consigned.Completion;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => missing.Completion);
        Assert.Contains(missing.DeliveryEventId.ToString(), failure.Message);

        await using var db = database.Open();
        Assert.Equal(1, await db.Evidence.CountAsync(e => e.DeliveryEventId == acceptance.Id, Cancel));
        Assert.Equal(1, await db.Evidence.CountAsync(e => e.DeliveryEventId == consignment.Id, Cancel));
        var asked = new[] { first, again, consigned, missing }.Select(r => r.Receipt.MessageId).ToList();
        var receipts = await db.InboxMessages.Where(m => asked.Contains(m.MessageId)).Select(m => m.MessageId).ToListAsync(Cancel);
        Assert.Equal(new[] { first, again, consigned }.Select(r => r.Receipt.MessageId).Order(), receipts.Order());
        // Only the acceptance starts further work, announced once, under the correlation of the request that issued it.
        var announcements = await db.Outbox.Where(o => o.MessageType == typeof(EvidenceIssued).FullName).ToListAsync(Cancel);
        var announcement = Assert.Single(announcements, o => o.Body.Contains(acceptance.Id.ToString()));
        Assert.Equal("court-first", announcement.CorrelationId);
        Assert.DoesNotContain(announcements, o => o.Body.Contains(consignment.Id.ToString()));
    }

    [Fact]
    public async Task An_event_stored_meanwhile_by_another_instance_does_not_fail_the_others()
    {
        var (acceptance, consignment) = await SeedAsync();
        var racing = Request(acceptance.Id, "court-racing");
        var other = Request(consignment.Id, "court-other");
        // Another instance issues the acceptance's evidence after this batch read its facts: the batch's
        // transaction then breaks a unique key, and each evidence is stored on its own instead.
        await using (var scope = _rig.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<EvidenceIssuanceService>();
            var db = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();
            db.SavingChanges += (_, _) => StoreCompetingEvidenceOnce(acceptance);
            await service.IssueAsync([racing, other], Cancel);
        }

        await racing.Completion;
        await other.Completion;
        await using var check = database.Open();
        Assert.Equal(1, await check.Evidence.CountAsync(e => e.DeliveryEventId == acceptance.Id, Cancel));
        Assert.Equal(1, await check.Evidence.CountAsync(e => e.DeliveryEventId == consignment.Id, Cancel));
        Assert.Equal(1, await check.InboxMessages.CountAsync(m => m.MessageId == other.Receipt.MessageId, Cancel));
    }

    [Fact]
    public async Task Bus_messages_consumed_together_each_end_with_their_own_outcome()
    {
        var events = new List<DeliveryEvent>();
        for (var i = 0; i < 12; i++) events.Add((await SeedAsync()).Acceptance);
        var missing = new DeliveryEvent { Id = Guid.NewGuid(), MessageId = Guid.NewGuid(), RecipientIndex = 0, EventName = "SubmissionAcceptance", OccurredAt = DateTimeOffset.UtcNow };

        await Task.WhenAll(events.Select(e => _rig.DeliverAsync(Announcement(e), NewId.NextGuid()))
            .Append(_rig.Harness.Bus.Publish(Announcement(missing), Cancel)));

        await using var db = database.Open();
        var ids = events.Select(e => e.Id).ToList();
        Assert.Equal(12, await db.Evidence.CountAsync(e => ids.Contains(e.DeliveryEventId), Cancel));
        Assert.True(await _rig.Harness.Published.Any<Fault<DeliveryEventRecorded>>(
            f => f.Context.Message.Message.DeliveryEventId == missing.Id, Cancel));
        Assert.False(await _rig.Harness.Published.Any<Fault<DeliveryEventRecorded>>(
            f => f.Context.Message.Message.DeliveryEventId != missing.Id, Cancel));
    }

    [Fact]
    public async Task An_event_whose_evidence_can_never_be_sealed_is_parked_and_the_others_of_its_batch_are_issued()
    {
        var poisoned = await SeedAsync(court => court.LegalName = "Rechtbank\u0001Amsterdam");
        var healthy = await SeedAsync();
        var parkedRequest = Request(poisoned.Acceptance.Id, "court-poisoned");
        var other = Request(healthy.Acceptance.Id, "court-healthy");

        await using (var scope = _rig.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EvidenceIssuanceService>().IssueAsync([parkedRequest, other], Cancel);
        }

        // Parking is the outcome of the bus message, not a failure to retry.
        await parkedRequest.Completion;
        await other.Completion;
        await using var db = database.Open();
        var parked = Assert.Single(await db.ParkedDeliveryEvents.Where(p => p.DeliveryEventId == poisoned.Acceptance.Id).ToListAsync(Cancel));
        Assert.Equal("SubmissionAcceptance", parked.EventName);
        Assert.Equal(poisoned.Acceptance.MessageId, parked.MessageId);
        Assert.Contains("Sender.Identity[0].Value contains U+0001", parked.Reason);
        Assert.DoesNotContain("Amsterdam", parked.Reason);
        Assert.False(await db.Evidence.AnyAsync(e => e.DeliveryEventId == poisoned.Acceptance.Id, Cancel));
        Assert.True(await db.Evidence.AnyAsync(e => e.DeliveryEventId == healthy.Acceptance.Id, Cancel));
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == parkedRequest.Receipt.MessageId, Cancel));
        // Consignment waits for proof of sending: a parked acceptance starts nothing.
        var announcements = await db.Outbox.Where(o => o.MessageType == typeof(EvidenceIssued).FullName).Select(o => o.Body).ToListAsync(Cancel);
        Assert.DoesNotContain(announcements, body => body.Contains(poisoned.Acceptance.Id.ToString()));
    }

    [Fact]
    public async Task A_parked_event_announced_again_is_parked_once_and_each_bus_message_succeeds()
    {
        var poisoned = await SeedAsync(court => court.LegalName = "Rechtbank\u0007");

        await _rig.DeliverAsync(Announcement(poisoned.Acceptance), NewId.NextGuid());
        await _rig.DeliverAsync(Announcement(poisoned.Acceptance), NewId.NextGuid());

        await using var db = database.Open();
        Assert.Equal(1, await db.ParkedDeliveryEvents.CountAsync(p => p.DeliveryEventId == poisoned.Acceptance.Id, Cancel));
        Assert.False(await _rig.Harness.Published.Any<Fault<DeliveryEventRecorded>>(
            f => f.Context.Message.Message.DeliveryEventId == poisoned.Acceptance.Id, Cancel));
    }

    [Fact]
    public async Task An_event_whose_timestamp_authority_is_down_fails_to_be_retried_and_is_not_parked()
    {
        await using var rig = await ConsumerRig.StartAsync(database, services => services.AddSingleton<ITimestampClient>(new UnavailableTimestampAuthority()));
        var (acceptance, _) = await SeedAsync();
        var request = Request(acceptance.Id, "court-tsa-down");

        await using (var scope = rig.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EvidenceIssuanceService>().IssueAsync([request], Cancel);
        }

        await Assert.ThrowsAsync<TimestampException>(() => request.Completion);
        await using var db = database.Open();
        Assert.False(await db.ParkedDeliveryEvents.AnyAsync(p => p.DeliveryEventId == acceptance.Id, Cancel));
        Assert.False(await db.InboxMessages.AnyAsync(m => m.MessageId == request.Receipt.MessageId, Cancel));
    }

    [Fact]
    public async Task An_event_whose_rows_break_the_batch_query_fails_alone_and_the_others_of_its_batch_are_issued()
    {
        var broken = await SeedAsync();
        await using (var db = database.Open())
        {
            // A value no entity can hold, as a hand edit or a half-applied migration could leave it.
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Messages\" SET \"ConsignmentMode\" = {"Bogus"} WHERE \"Id\" = {broken.Acceptance.MessageId}", Cancel);
        }
        var healthy = new List<DeliveryEvent>();
        for (var i = 0; i < 20; i++) healthy.Add((await SeedAsync()).Acceptance);
        var batcher = new EvidenceBatcher(_rig.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new EvidenceServiceOptions { IssueWorkers = 1, IssueBatchSize = 32 }), NullLogger<EvidenceBatcher>.Instance);
        await using var _ = batcher;

        // Written at once, so that the one worker finds the broken event among the others.
        var requests = healthy.Take(10).Append(broken.Acceptance).Concat(healthy.Skip(10))
            .Select(e => (Event: e, Completion: batcher.IssueAsync(e.Id, new InboxReceipt(NewId.NextGuid(), nameof(DeliveryEventRecordedConsumer)), null, Cancel)))
            .ToList();

        foreach (var (e, completion) in requests.Where(r => r.Event.Id != broken.Acceptance.Id)) await completion;
        await Assert.ThrowsAnyAsync<Exception>(() => requests.Single(r => r.Event.Id == broken.Acceptance.Id).Completion);
        await using var check = database.Open();
        var ids = healthy.Select(e => e.Id).ToList();
        Assert.Equal(healthy.Count, await check.Evidence.CountAsync(e => ids.Contains(e.DeliveryEventId), Cancel));
    }

    private sealed class UnavailableTimestampAuthority : ITimestampClient
    {
        public Task<byte[]> GetTokenAsync(byte[] sha256Imprint, CancellationToken cancellationToken = default) =>
            throw new TimestampException(TimestampFailure.Unavailable, "The timestamp authority does not answer.");
    }

    private bool _competitorStored;

    private void StoreCompetingEvidenceOnce(DeliveryEvent acceptance)
    {
        if (_competitorStored) return;
        _competitorStored = true;
        using var db = database.Open();
        db.Evidence.Add(new EvidenceRecord
        {
            Id = Guid.NewGuid(), DeliveryEventId = acceptance.Id, MessageId = acceptance.MessageId, RecipientIndex = 0, EventName = acceptance.EventName,
            EventTime = acceptance.OccurredAt, IssuedAt = DateTimeOffset.UtcNow, Xml = "<competitor/>"u8.ToArray(), Sha256 = new byte[32],
        });
        db.SaveChanges();
    }

    private static PendingEvidence Request(Guid deliveryEventId, string correlationId) =>
        new(deliveryEventId, new InboxReceipt(NewId.NextGuid(), nameof(DeliveryEventRecordedConsumer)), correlationId);

    private static DeliveryEventRecorded Announcement(DeliveryEvent e) => new()
    {
        DeliveryEventId = e.Id, MessageId = e.MessageId, RecipientIndex = e.RecipientIndex, EventName = e.EventName,
    };

    // A message accepted and consigned to its one recipient: two events, neither proven yet.
    private async Task<(DeliveryEvent Acceptance, DeliveryEvent Consignment)> SeedAsync(Action<Organisation>? court = null)
    {
        var scenario = ConsumerRig.Scenario();
        court?.Invoke(scenario.Court);
        var consignment = DeliveryEvents.Describe(scenario.Message.Id, 1, "ContentConsignment", scenario.Acceptance.OccurredAt.AddSeconds(1));
        await using var db = database.Open();
        db.AddRange(scenario.Court, scenario.Firm, scenario.FirmMailbox, scenario.Message, scenario.Acceptance, consignment);
        await db.SaveChangesAsync(Cancel);
        return (scenario.Acceptance, consignment);
    }
}
