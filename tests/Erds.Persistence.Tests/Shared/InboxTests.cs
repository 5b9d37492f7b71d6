using Erds.Persistence.Inbox;
using Erds.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Persistence.Tests.Shared;

// The consumers' inbox: a receipt exists exactly when the effects it was saved with exist.
public abstract class InboxTests(ITestDatabase database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_receipt_saved_with_the_effects_is_recognised_for_that_consumer_only()
    {
        var receipt = new InboxReceipt(Guid.NewGuid(), "EvidenceIssuedConsumer");
        await using (var db = database.Open())
        {
            Assert.False(await db.HasConsumedAsync(receipt, Cancel));
            db.Organisations.Add(Seed.Organisation());
            db.RecordConsumed(receipt, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Cancel);
        }
        await using var fresh = database.Open();
        Assert.True(await fresh.HasConsumedAsync(receipt, Cancel));
        Assert.False(await fresh.HasConsumedAsync(receipt with { Consumer = "DeliveryEventRecordedConsumer" }, Cancel));
        Assert.False(await fresh.HasConsumedAsync(receipt with { MessageId = Guid.NewGuid() }, Cancel));
    }

    [Fact]
    public async Task A_receipt_is_not_kept_when_its_effects_fail()
    {
        var organisation = Seed.Organisation();
        await using (var db = database.Open())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(Cancel);
        }
        var receipt = new InboxReceipt(Guid.NewGuid(), "EvidenceIssuedConsumer");
        await using (var db = database.Open())
        {
            db.Organisations.Add(Seed.Organisation(organisation.Handle));
            db.RecordConsumed(receipt, DateTimeOffset.UtcNow);
            var failure = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
            Assert.True(UniqueViolation.Is(failure));
        }
        await using var fresh = database.Open();
        Assert.False(await fresh.HasConsumedAsync(receipt, Cancel));
    }

    [Fact]
    public async Task Two_deliveries_racing_past_the_check_cannot_both_save()
    {
        var receipt = new InboxReceipt(Guid.NewGuid(), "DeliveryEventRecordedConsumer");
        await using var first = database.Open();
        await using var second = database.Open();
        Assert.False(await first.HasConsumedAsync(receipt, Cancel));
        Assert.False(await second.HasConsumedAsync(receipt, Cancel));

        first.RecordConsumed(receipt, DateTimeOffset.UtcNow);
        await first.SaveChangesAsync(Cancel);
        second.RecordConsumed(receipt, DateTimeOffset.UtcNow);
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync(Cancel));
        Assert.True(UniqueViolation.Is(failure));
    }
}
