using Erds.Consignment.Consign;
using Erds.Consignment.Notify;
using Erds.Contracts;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Persistence.Inbox;
using Erds.Persistence.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Erds.IntegrationTests.Consumers;

// The notifications of a message with two local recipients are recorded together; what one
// recipient's notification meets (a failure, a concurrent run, an event already there) must not
// cost the other its record or give either a second one.
public abstract class ConsignmentNotificationTests(ITestDatabase database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_recipients_one_unreachable_each_get_their_own_notification_event()
    {
        var sender = new ScriptedSender();
        await using var rig = await ConsumerRig.StartAsync(database, services => services.AddSingleton<INotificationSender>(sender));
        var seed = await SeedAsync();
        sender.Refuse = seed.Second.Identifier;

        await rig.DeliverAsync(Proven(seed.Acceptance), NewId.NextGuid());

        await using var db = database.Open();
        Assert.Equal(["ConsignmentNotification", "ContentConsignment"], await EventsAsync(db, seed.Message.Id, 1));
        Assert.Equal(["ConsignmentNotificationFailure", "ContentConsignment"], await EventsAsync(db, seed.Message.Id, 2));
        var failure = await db.DeliveryEvents.SingleAsync(e => e.MessageId == seed.Message.Id && e.EventName == "ConsignmentNotificationFailure", Cancel);
        Assert.Equal("http://uri.etsi.org/19522/EventReason/R_ERDS_Unreachable", failure.ReasonCode);
        Assert.All(await RecipientsAsync(db, seed.Message.Id), r => Assert.NotNull(r.NotifiedAt));
        Assert.Equal(2, sender.Attempts);
    }

    [Fact]
    public async Task Two_recipients_in_consent_mode_are_asked_for_acceptance_without_consignment()
    {
        await using var rig = await ConsumerRig.StartAsync(database);
        var seed = await SeedAsync(mode: ConsignmentMode.Consent);

        await rig.DeliverAsync(Proven(seed.Acceptance), NewId.NextGuid());

        await using var db = database.Open();
        Assert.Equal(["NotificationForAcceptance"], await EventsAsync(db, seed.Message.Id, 1));
        Assert.Equal(["NotificationForAcceptance"], await EventsAsync(db, seed.Message.Id, 2));
        Assert.All(await RecipientsAsync(db, seed.Message.Id), r =>
        {
            Assert.Equal(RecipientStatus.AwaitingAcceptance, r.Status);
            Assert.Null(r.ConsignedAt);
        });
    }

    [Fact]
    public async Task A_redelivery_after_consignment_finishes_the_notifications_a_crash_left_undone()
    {
        await using var rig = await ConsumerRig.StartAsync(database);
        var busMessageId = NewId.NextGuid();
        // Consigned and committed, then the process died before notifying anyone.
        var seed = await SeedAsync(consignedBy: busMessageId);

        await rig.DeliverAsync(Proven(seed.Acceptance), busMessageId);

        await using var db = database.Open();
        Assert.Equal(["ConsignmentNotification", "ContentConsignment"], await EventsAsync(db, seed.Message.Id, 1));
        Assert.Equal(["ConsignmentNotification", "ContentConsignment"], await EventsAsync(db, seed.Message.Id, 2));
        Assert.All(await RecipientsAsync(db, seed.Message.Id), r => Assert.Equal(1, r.Version));
        Assert.Equal(2, Directory.GetFiles(rig.PickupDirectory, $"{seed.Message.Id:N}-*.eml").Length);
    }

    [Fact]
    public async Task A_recipient_another_run_notified_meanwhile_gets_no_second_record_and_does_not_hold_up_the_other()
    {
        var sender = new ScriptedSender();
        await using var rig = await ConsumerRig.StartAsync(database, services => services.AddSingleton<INotificationSender>(sender));
        var seed = await SeedAsync();
        // While the first recipient's notice goes out, a concurrent run claims and records the second.
        sender.BeforeFirstSend = () => RecordNotifiedAsync(seed.Message.Id, 2, seed.Second.Id);

        await rig.DeliverAsync(Proven(seed.Acceptance), NewId.NextGuid());

        await using var db = database.Open();
        Assert.Equal(["ConsignmentNotification", "ContentConsignment"], await EventsAsync(db, seed.Message.Id, 1));
        Assert.Equal(["ConsignmentNotification", "ContentConsignment"], await EventsAsync(db, seed.Message.Id, 2));
        Assert.All(await RecipientsAsync(db, seed.Message.Id), r => Assert.NotNull(r.NotifiedAt));
        Assert.Equal(2, sender.Attempts);
    }

    [Fact]
    public async Task A_recipient_whose_notification_event_exists_does_not_keep_the_other_from_its_record()
    {
        await using var rig = await ConsumerRig.StartAsync(database);
        var busMessageId = NewId.NextGuid();
        var seed = await SeedAsync(consignedBy: busMessageId);
        // The second recipient's event is there while its claim is not (restored from a backup, say):
        // the unique key stops a second event, and that failure stays the second recipient's own.
        await using (var db = database.Open())
        {
            db.DeliveryEvents.Add(DeliveryEvents.Describe(seed.Message.Id, 2, "ConsignmentNotification", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(Cancel);
        }

        await rig.DeliverAsync(Proven(seed.Acceptance), busMessageId);

        await using var check = database.Open();
        Assert.Equal(["ConsignmentNotification", "ContentConsignment"], await EventsAsync(check, seed.Message.Id, 1));
        Assert.Equal(["ConsignmentNotification", "ContentConsignment"], await EventsAsync(check, seed.Message.Id, 2));
        var recipients = await RecipientsAsync(check, seed.Message.Id);
        Assert.NotNull(recipients.Single(r => r.Index == 1).NotifiedAt);
        Assert.Null(recipients.Single(r => r.Index == 2).NotifiedAt);
    }

    private sealed record Seeded(Message Message, MessageRecipient Second, DeliveryEvent Acceptance);

    // The rig's scenario with a second recipient, another mailbox of the firm. consignedBy: the bus
    // message that consigned both recipients already (its inbox receipt and their events are stored).
    private async Task<Seeded> SeedAsync(ConsignmentMode mode = ConsignmentMode.Basic, Guid? consignedBy = null)
    {
        var (court, firm, firstMailbox, message, acceptance) = ConsumerRig.Scenario(mode);
        var secondMailbox = Seed.Mailbox(firm.Id);
        var second = new MessageRecipient
        {
            Id = Guid.NewGuid(), MessageId = message.Id, Index = 2, Identifier = secondMailbox.Address, IdentifierScheme = "mailto", MailboxId = secondMailbox.Id,
        };
        message.Recipients.Add(second);
        await using var db = database.Open();
        db.AddRange(court, firm, firstMailbox, secondMailbox, message, acceptance);
        if (consignedBy is { } busMessageId)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var recipient in message.Recipients)
            {
                recipient.TransitionTo(RecipientStatus.Consigned);
                recipient.ConsignedAt = now;
                db.DeliveryEvents.Add(DeliveryEvents.Describe(message.Id, recipient.Index, "ContentConsignment", now));
            }
            db.RecordConsumed(new InboxReceipt(busMessageId, nameof(EvidenceIssuedConsumer)), now);
        }
        await db.SaveChangesAsync(Cancel);
        return new Seeded(message, second, acceptance);
    }

    // What a concurrent run does for one recipient: the claim and its event, in one transaction.
    private async Task RecordNotifiedAsync(Guid messageId, int index, Guid recipientId)
    {
        await using var db = database.Open();
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        var now = DateTimeOffset.UtcNow;
        await db.MessageRecipients.Where(r => r.Id == recipientId).ExecuteUpdateAsync(u => u.SetProperty(r => r.NotifiedAt, now), Cancel);
        db.DeliveryEvents.Add(DeliveryEvents.Describe(messageId, index, "ConsignmentNotification", now));
        await db.SaveChangesAsync(Cancel);
        await transaction.CommitAsync(Cancel);
    }

    private static async Task<List<string>> EventsAsync(ErdsDbContext db, Guid messageId, int index) =>
        (await db.DeliveryEvents.Where(e => e.MessageId == messageId && e.RecipientIndex == index).Select(e => e.EventName).ToListAsync(Cancel))
        .Order().ToList();

    private static Task<List<MessageRecipient>> RecipientsAsync(ErdsDbContext db, Guid messageId) =>
        db.MessageRecipients.AsNoTracking().Where(r => r.MessageId == messageId).ToListAsync(Cancel);

    private static EvidenceIssued Proven(DeliveryEvent acceptance) => new()
    {
        EvidenceId = Guid.NewGuid(), DeliveryEventId = acceptance.Id, MessageId = acceptance.MessageId, RecipientIndex = 0,
        EventName = acceptance.EventName, EventTime = acceptance.OccurredAt,
    };

    // Sends nothing; refuses one address as a mail server would, and lets a test act during the first attempt.
    private sealed class ScriptedSender : INotificationSender
    {
        private int _attempts;

        public string? Refuse { get; set; }

        public Func<Task>? BeforeFirstSend { get; set; }

        public int Attempts => _attempts;

        public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) == 1 && BeforeFirstSend is { } before) await before();
            if (notification.To == Refuse) throw new NotificationFailedException($"{notification.To}: mailbox unavailable");
        }
    }
}
