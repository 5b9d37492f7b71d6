using Erds.Consignment.Consign;
using Erds.Contracts;
using Erds.EvidenceService.Issue;
using Erds.Persistence.Entities;
using Erds.Persistence.Inbox;
using Erds.Persistence.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Erds.IntegrationTests.Consumers;

// A bus message delivered again (same MessageId: the broker redelivers, or the outbox publishes again
// after a crash) has no second effect, and the inbox, not luck, is what stops it.
public abstract class ConsumerInboxTests(ITestDatabase database) : IAsyncLifetime
{
    private ConsumerRig _rig = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _rig = await ConsumerRig.StartAsync(database);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    [Fact]
    public async Task A_redelivered_DeliveryEventRecorded_issues_and_announces_one_evidence()
    {
        var (_, _, _, message, acceptance) = await SeedAsync();
        var busMessageId = NewId.NextGuid();

        await _rig.DeliverAsync(Announcement(acceptance), busMessageId);
        await _rig.DeliverAsync(Announcement(acceptance), busMessageId);

        await using var db = database.Open();
        Assert.Equal(1, await db.Evidence.CountAsync(e => e.DeliveryEventId == acceptance.Id, Cancel));
        Assert.Equal(1, await CountAnnouncementsAsync(db, acceptance.Id));
        var receipt = Assert.Single(await db.InboxMessages.Where(m => m.MessageId == busMessageId).ToListAsync(Cancel));
        Assert.Equal(nameof(DeliveryEventRecordedConsumer), receipt.Consumer);
        Assert.Equal(message.Id, (await db.Evidence.SingleAsync(e => e.DeliveryEventId == acceptance.Id, Cancel)).MessageId);
    }

    [Fact]
    public async Task A_DeliveryEventRecorded_the_inbox_already_holds_issues_nothing()
    {
        var (_, _, _, _, acceptance) = await SeedAsync();
        var busMessageId = NewId.NextGuid();
        await RecordConsumedAsync(new InboxReceipt(busMessageId, nameof(DeliveryEventRecordedConsumer)));

        await _rig.DeliverAsync(Announcement(acceptance), busMessageId);

        await using var db = database.Open();
        Assert.Equal(0, await db.Evidence.CountAsync(e => e.DeliveryEventId == acceptance.Id, Cancel));
        Assert.Equal(0, await CountAnnouncementsAsync(db, acceptance.Id));
    }

    [Fact]
    public async Task Two_deliveries_of_one_DeliveryEventRecorded_at_the_same_time_issue_one_evidence()
    {
        var (_, _, _, _, acceptance) = await SeedAsync();
        var receipt = new InboxReceipt(NewId.NextGuid(), nameof(DeliveryEventRecordedConsumer));
        await using var first = _rig.Services.CreateAsyncScope();
        await using var second = _rig.Services.CreateAsyncScope();

        await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<EvidenceIssuanceService>().IssueAsync(acceptance.Id, receipt, Cancel),
            second.ServiceProvider.GetRequiredService<EvidenceIssuanceService>().IssueAsync(acceptance.Id, receipt, Cancel));

        await using var db = database.Open();
        Assert.Equal(1, await db.Evidence.CountAsync(e => e.DeliveryEventId == acceptance.Id, Cancel));
        Assert.Equal(1, await CountAnnouncementsAsync(db, acceptance.Id));
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == receipt.MessageId, Cancel));
    }

    [Fact]
    public async Task A_redelivered_EvidenceIssued_consigns_and_notifies_once()
    {
        var (_, _, _, message, acceptance) = await SeedAsync();
        var busMessageId = NewId.NextGuid();

        await _rig.DeliverAsync(Proven(acceptance), busMessageId);
        await _rig.DeliverAsync(Proven(acceptance), busMessageId);

        await using var db = database.Open();
        Assert.Equal(RecipientStatus.Consigned, (await db.MessageRecipients.SingleAsync(r => r.MessageId == message.Id, Cancel)).Status);
        var events = await db.DeliveryEvents.Where(e => e.MessageId == message.Id).Select(e => e.EventName).ToListAsync(Cancel);
        Assert.Equal(["ConsignmentNotification", "ContentConsignment", "SubmissionAcceptance"], events.Order());
        Assert.Single(Directory.GetFiles(_rig.PickupDirectory, $"{message.Id:N}-*.eml"));
        var receipt = Assert.Single(await db.InboxMessages.Where(m => m.MessageId == busMessageId).ToListAsync(Cancel));
        Assert.Equal(nameof(EvidenceIssuedConsumer), receipt.Consumer);
    }

    [Fact]
    public async Task An_EvidenceIssued_the_inbox_already_holds_consigns_nothing()
    {
        var (_, _, _, message, acceptance) = await SeedAsync();
        var busMessageId = NewId.NextGuid();
        await RecordConsumedAsync(new InboxReceipt(busMessageId, nameof(EvidenceIssuedConsumer)));

        await _rig.DeliverAsync(Proven(acceptance), busMessageId);

        await using var db = database.Open();
        Assert.Equal(RecipientStatus.Pending, (await db.MessageRecipients.SingleAsync(r => r.MessageId == message.Id, Cancel)).Status);
        Assert.Equal(1, await db.DeliveryEvents.CountAsync(e => e.MessageId == message.Id, Cancel));
        Assert.False(Directory.Exists(_rig.PickupDirectory) && Directory.GetFiles(_rig.PickupDirectory, $"{message.Id:N}-*.eml").Length > 0);
    }

    private static DeliveryEventRecorded Announcement(DeliveryEvent acceptance) => new()
    {
        DeliveryEventId = acceptance.Id, MessageId = acceptance.MessageId, RecipientIndex = acceptance.RecipientIndex, EventName = acceptance.EventName,
    };

    private static EvidenceIssued Proven(DeliveryEvent acceptance) => new()
    {
        EvidenceId = Guid.NewGuid(), DeliveryEventId = acceptance.Id, MessageId = acceptance.MessageId, RecipientIndex = 0,
        EventName = acceptance.EventName, EventTime = acceptance.OccurredAt,
    };

    private async Task<(Organisation, Organisation, Mailbox, Message, DeliveryEvent)> SeedAsync()
    {
        var scenario = ConsumerRig.Scenario();
        await using var db = database.Open();
        db.AddRange(scenario.Court, scenario.Firm, scenario.FirmMailbox, scenario.Message, scenario.Acceptance);
        await db.SaveChangesAsync(Cancel);
        return scenario;
    }

    private async Task RecordConsumedAsync(InboxReceipt receipt)
    {
        await using var db = database.Open();
        db.RecordConsumed(receipt, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Cancel);
    }

    private static Task<int> CountAnnouncementsAsync(Persistence.ErdsDbContext db, Guid deliveryEventId) =>
        db.Outbox.CountAsync(o => o.MessageType == typeof(EvidenceIssued).FullName && o.Body.Contains(deliveryEventId.ToString()), Cancel);
}
