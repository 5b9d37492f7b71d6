using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Erds.Persistence.Cleanup;
using Erds.Persistence.Inbox;
using Erds.Persistence.Outbox;
using Erds.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Erds.Persistence.Tests.Shared;

// Sent outbox rows and consumer receipts are deleted once their retention has passed, in bounded
// batches; rows not yet published are never deleted, and instances cleaning at once do no harm.
public abstract class OutboxInboxCleanupTests(ITestDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan OutboxRetention = TimeSpan.FromDays(7);
    private static readonly TimeSpan InboxRetention = TimeSpan.FromDays(30);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ConcurrentQueue<(string Table, long Rows)> _measured = new();
    private readonly MeterListener _listener = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private DateTimeOffset Now => _clock.GetUtcNow();

    public async ValueTask InitializeAsync()
    {
        var factory = _meters.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CleanupMetrics.MeterName && instrument.Meter.Scope == factory) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, rows, tags, _) => _measured.Enqueue(((string)tags[0].Value!, rows)));
        _listener.Start();
        // The database belongs to the test class: each test starts from empty tables.
        await using var db = database.Open();
        await db.Outbox.ExecuteDeleteAsync(Cancel);
        await db.InboxMessages.ExecuteDeleteAsync(Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _meters.DisposeAsync();
    }

    [Fact]
    public async Task Sent_rows_past_their_retention_go_while_unsent_and_recent_rows_stay()
    {
        var old = await SentAsync(Now - OutboxRetention - TimeSpan.FromDays(1));
        var justPast = await SentAsync(Now - OutboxRetention - TimeSpan.FromSeconds(1));
        var recent = await SentAsync(Now - OutboxRetention + TimeSpan.FromHours(1));
        var neverSent = await UnsentAsync(Now - TimeSpan.FromDays(100), lockedBy: null);
        var claimed = await UnsentAsync(Now - TimeSpan.FromDays(100), lockedBy: "host/1/claim");

        var deleted = await CleanUpAsync();

        Assert.Equal((2, 0), deleted);
        var left = await OutboxAsync();
        Assert.Equal(new[] { recent, neverSent, claimed }.Order(), left.Order());
        Assert.DoesNotContain(old, left);
        Assert.DoesNotContain(justPast, left);
    }

    [Fact]
    public async Task Receipts_go_once_their_retention_has_passed_and_not_before()
    {
        var old = await ConsumedAsync(Now - InboxRetention - TimeSpan.FromSeconds(1), "EvidenceIssuedConsumer");
        var younger = await ConsumedAsync(Now - InboxRetention + TimeSpan.FromDays(2), "EvidenceIssuedConsumer");
        var youngerOtherConsumer = younger with { Consumer = "DeliveryEventRecordedConsumer" };
        await ConsumedAsync(Now - InboxRetention + TimeSpan.FromDays(2), youngerOtherConsumer);

        Assert.Equal((0, 1), await CleanUpAsync());
        Assert.False(await HasConsumedAsync(old));
        Assert.True(await HasConsumedAsync(younger));
        Assert.True(await HasConsumedAsync(youngerOtherConsumer));

        _clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.Equal((0, 0), await CleanUpAsync());
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal((0, 2), await CleanUpAsync());
        Assert.False(await HasConsumedAsync(younger));
        Assert.False(await HasConsumedAsync(youngerOtherConsumer));
    }

    [Fact]
    public async Task A_backlog_is_deleted_in_batches_of_the_batch_size_until_a_batch_is_short()
    {
        for (var i = 0; i < 35; i++) await SentAsync(Now - TimeSpan.FromDays(60) + TimeSpan.FromMinutes(i));
        for (var i = 0; i < 20; i++) await ConsumedAsync(Now - TimeSpan.FromDays(60) + TimeSpan.FromMinutes(i), "EvidenceIssuedConsumer");
        var recent = await SentAsync(Now - TimeSpan.FromDays(1));

        Assert.Equal((35, 20), await CleanUpAsync(batchSize: 10));

        Assert.Equal([recent], await OutboxAsync());
        Assert.Equal(0, await CountReceiptsAsync());
        // One measurement per DELETE: full batches, then the short one that ends the loop.
        Assert.Equal([10, 10, 10, 5], _measured.Where(m => m.Table == "outbox").Select(m => m.Rows));
        Assert.Equal([10, 10], _measured.Where(m => m.Table == "inbox").Select(m => m.Rows));
    }

    [Fact]
    public async Task Instances_cleaning_at_once_delete_each_row_once_and_leave_nothing_due_for_long()
    {
        for (var i = 0; i < 120; i++) await SentAsync(Now - TimeSpan.FromDays(60) + TimeSpan.FromMinutes(i));
        for (var i = 0; i < 80; i++) await ConsumedAsync(Now - TimeSpan.FromDays(60) + TimeSpan.FromMinutes(i), "EvidenceIssuedConsumer");

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => CleanUpAsync(batchSize: 10))));
        // An instance that lost a batch to another stops early; the next run takes what is left.
        var next = await CleanUpAsync(batchSize: 10);

        Assert.Equal(120, runs.Sum(r => r.OutboxRows) + next.OutboxRows);
        Assert.Equal(80, runs.Sum(r => r.InboxReceipts) + next.InboxReceipts);
        Assert.Empty(await OutboxAsync());
        Assert.Equal(0, await CountReceiptsAsync());
    }

    // A context of its own per run, as each housekeeping run has its own scope.
    private async Task<(int OutboxRows, int InboxReceipts)> CleanUpAsync(int batchSize = 1000)
    {
        await using var db = database.Open();
        var cleanup = new OutboxInboxCleanup(db,
            Options.Create(new OutboxInboxCleanupOptions { SentOutboxRetention = OutboxRetention, InboxRetention = InboxRetention, BatchSize = batchSize }),
            new CleanupMetrics(_meters.GetRequiredService<IMeterFactory>()), _clock, NullLogger<OutboxInboxCleanup>.Instance);
        return await cleanup.DeleteDueAsync(Cancel);
    }

    private Task<Guid> SentAsync(DateTimeOffset sentAt) => AddOutboxAsync(sentAt - TimeSpan.FromSeconds(1), sentAt, null);

    private Task<Guid> UnsentAsync(DateTimeOffset createdAt, string? lockedBy) => AddOutboxAsync(createdAt, null, lockedBy);

    private async Task<Guid> AddOutboxAsync(DateTimeOffset createdAt, DateTimeOffset? sentAt, string? lockedBy)
    {
        var row = new OutboxMessage
        {
            MessageId = Guid.NewGuid(), MessageType = "Erds.Contracts.DeliveryEventRecorded", Body = "{}", CreatedAt = createdAt, SentAt = sentAt,
            Attempts = 1, LockedBy = lockedBy, LockedUntil = lockedBy is null ? null : Now + TimeSpan.FromSeconds(30),
        };
        await using var db = database.Open();
        db.Outbox.Add(row);
        await db.SaveChangesAsync(Cancel);
        return row.MessageId;
    }

    private async Task<InboxReceipt> ConsumedAsync(DateTimeOffset consumedAt, string consumer)
    {
        var receipt = new InboxReceipt(Guid.NewGuid(), consumer);
        await ConsumedAsync(consumedAt, receipt);
        return receipt;
    }

    private async Task ConsumedAsync(DateTimeOffset consumedAt, InboxReceipt receipt)
    {
        await using var db = database.Open();
        db.RecordConsumed(receipt, consumedAt);
        await db.SaveChangesAsync(Cancel);
    }

    private async Task<List<Guid>> OutboxAsync()
    {
        await using var db = database.Open();
        return await db.Outbox.Select(m => m.MessageId).ToListAsync(Cancel);
    }

    private async Task<int> CountReceiptsAsync()
    {
        await using var db = database.Open();
        return await db.InboxMessages.CountAsync(Cancel);
    }

    private async Task<bool> HasConsumedAsync(InboxReceipt receipt)
    {
        await using var db = database.Open();
        return await db.HasConsumedAsync(receipt, Cancel);
    }
}
