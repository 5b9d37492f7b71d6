using Erds.Contracts;
using Erds.Persistence.Outbox;
using Erds.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Erds.Persistence.Tests.Shared;

// A process that runs a dispatcher claims the rows it writes for it and hands them over on commit:
// published without a claim from the database, still safe when the process dies, never handed over
// before their transaction committed or when it rolled back.
public abstract class OutboxHandoverTests(ITestDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private OutboxRig _rig = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _rig = await OutboxRig.StartAsync(database, handoverClock: _clock);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    [Fact]
    public async Task Rows_written_here_are_claimed_as_written_and_published_without_waiting_for_a_database_claim()
    {
        var owner = _rig.Handover!.Owner;
        var handed = new[] { await _rig.SeedInScopeAsync("a", _clock.GetUtcNow()), await _rig.SeedInScopeAsync("b", _clock.GetUtcNow()) };
        Assert.All(await _rig.RowsAsync(), row =>
        {
            Assert.Equal(owner, row.LockedBy);
            // PostgreSQL keeps microseconds.
            Assert.Equal((_clock.GetUtcNow() + Lease).UtcDateTime, row.LockedUntil!.Value.UtcDateTime, TimeSpan.FromTicks(10));
            Assert.Equal(1, row.Attempts);
        });
        var dispatcher = _rig.Dispatcher(_clock, lease: Lease);
        Assert.Equal(2, await dispatcher.DispatchBatchAsync(Cancel));
        Assert.Equal(handed, _rig.Published);

        // Within the poll interval, handed-over rows go out without the database being read for others:
        // a row written elsewhere (unclaimed, not handed over) waits for the next read.
        var elsewhere = (await _rig.SeedAsync(1, _clock.GetUtcNow())).Last();
        var third = await _rig.SeedInScopeAsync("c", _clock.GetUtcNow());
        Assert.Equal(1, await dispatcher.DispatchBatchAsync(Cancel));
        Assert.Equal([.. handed, third], _rig.Published);
        _clock.Advance(PollInterval);
        Assert.Equal(1, await dispatcher.DispatchBatchAsync(Cancel));
        Assert.Equal([.. handed, third, elsewhere], _rig.Published);

        Assert.All(await _rig.RowsAsync(), row =>
        {
            Assert.NotNull(row.SentAt);
            Assert.Null(row.LockedBy);
            Assert.Equal(1, row.Attempts);
        });
    }

    [Fact]
    public async Task Wake_ups_with_nothing_handed_over_read_the_database_only_once_per_poll_interval()
    {
        // Under load every commit of this process wakes its dispatcher, mostly after the rows were
        // already taken: each wake-up must not cost a claim statement.
        var dispatcher = _rig.Dispatcher(_clock, lease: Lease);
        Assert.Equal(0, await dispatcher.DispatchBatchAsync(Cancel));
        var elsewhere = (await _rig.SeedAsync(1, _clock.GetUtcNow())).Last();

        Assert.Equal(0, await dispatcher.DispatchBatchAsync(Cancel));
        _clock.Advance(PollInterval);
        Assert.Equal(1, await dispatcher.DispatchBatchAsync(Cancel));
        Assert.Equal([elsewhere], _rig.Published);
    }

    [Fact]
    public async Task Rows_saved_together_with_other_changes_are_handed_over_once_saved()
    {
        // Several statements: EF runs them in a transaction of its own, which is not the caller's.
        await using (var scope = _rig.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();
            for (var i = 0; i < 3; i++) db.Enqueue(Announcement(), _clock.GetUtcNow());
            db.InboxMessages.Add(new Erds.Persistence.Inbox.InboxMessage { Consumer = "test", MessageId = Guid.NewGuid(), ConsumedAt = _clock.GetUtcNow() });
            await db.SaveChangesAsync(Cancel);
        }

        Assert.Equal(3, await _rig.Dispatcher(_clock, lease: Lease).DispatchBatchAsync(Cancel));
        Assert.Equal((await _rig.RowsAsync()).Select(r => r.MessageId), _rig.Published);
    }

    [Fact]
    public async Task Rows_handed_over_to_a_process_that_died_are_published_by_another_once_their_claim_runs_out()
    {
        var id = await _rig.SeedInScopeAsync(null, _clock.GetUtcNow());
        // This process dies before its dispatcher runs; another one shares the database.
        var other = _rig.Dispatcher(_clock, lease: Lease, ownHandover: false);

        Assert.Equal(0, await other.DispatchBatchAsync(Cancel));
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await other.DispatchBatchAsync(Cancel));

        Assert.Equal([id], _rig.Published);
        Assert.Equal(2, (await _rig.RowsAsync()).Single().Attempts);
    }

    [Fact]
    public async Task Rows_of_an_explicit_transaction_are_handed_over_when_it_commits_and_never_when_it_rolls_back()
    {
        var handover = _rig.Handover!;
        await using (var scope = _rig.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            db.Enqueue(Announcement(), _clock.GetUtcNow());
            await db.SaveChangesAsync(Cancel);
            Assert.True(handover.IsEmpty);
            await transaction.CommitAsync(Cancel);
            Assert.False(handover.IsEmpty);
        }
        await using (var scope = _rig.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            db.Enqueue(Announcement(), _clock.GetUtcNow());
            await db.SaveChangesAsync(Cancel);
            await transaction.RollbackAsync(Cancel);
        }
        await using (var scope = _rig.Scope())
        {
            // Abandoned: disposed without commit or rollback.
            var db = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();
            await using (await db.Database.BeginTransactionAsync(Cancel))
            {
                db.Enqueue(Announcement(), _clock.GetUtcNow());
                await db.SaveChangesAsync(Cancel);
            }
            db.ChangeTracker.Clear();
            await db.SaveChangesAsync(Cancel);
        }

        var committed = Assert.Single(await _rig.RowsAsync());
        Assert.Equal(1, await _rig.Dispatcher(_clock, lease: Lease).DispatchBatchAsync(Cancel));
        Assert.Equal([committed.MessageId], _rig.Published);
        Assert.True(handover.IsEmpty);
    }

    [Fact]
    public async Task A_pooled_context_leased_by_the_next_scope_carries_nothing_of_the_scope_before()
    {
        ErdsDbContext first;
        await using (var scope = _rig.Scope())
        {
            // Saved in a transaction that is abandoned when the scope ends, under correlation "before".
            scope.ServiceProvider.GetRequiredService<OutboxCorrelation>().CorrelationId = "before";
            first = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();
            _ = await first.Database.BeginTransactionAsync(Cancel);
            first.Enqueue(Announcement(), _clock.GetUtcNow());
            await first.SaveChangesAsync(Cancel);
        }

        Guid written;
        await using (var scope = _rig.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();
            Assert.Same(first, db);
            db.Enqueue(Announcement(), _clock.GetUtcNow());
            await db.SaveChangesAsync(Cancel);
            written = db.Outbox.Local.Single().MessageId;
        }

        var row = Assert.Single(await _rig.RowsAsync());
        Assert.Equal(written, row.MessageId);
        Assert.Null(row.CorrelationId);
        Assert.Equal(1, await _rig.Dispatcher(_clock, lease: Lease).DispatchBatchAsync(Cancel));
        Assert.Equal([written], _rig.Published);
        Assert.True(_rig.Handover!.IsEmpty);
    }

    [Fact]
    public async Task Rows_of_a_cancelled_save_are_never_handed_over()
    {
        Guid committed;
        await using (var scope = _rig.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();
            db.Enqueue(Announcement(), _clock.GetUtcNow());
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SaveChangesAsync(new CancellationToken(canceled: true)));
            db.ChangeTracker.Clear();

            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            db.Enqueue(Announcement(), _clock.GetUtcNow());
            await db.SaveChangesAsync(Cancel);
            await transaction.CommitAsync(Cancel);
            committed = db.Outbox.Local.Single().MessageId;
        }

        Assert.Equal(committed, Assert.Single(await _rig.RowsAsync()).MessageId);
        Assert.Equal(1, await _rig.Dispatcher(_clock, lease: Lease).DispatchBatchAsync(Cancel));
        Assert.Equal([committed], _rig.Published);
        Assert.True(_rig.Handover!.IsEmpty);
    }

    [Fact]
    public async Task A_clean_stop_gives_back_what_was_handed_over_but_not_published()
    {
        await _rig.SeedInScopeAsync(null, _clock.GetUtcNow());
        await using (var scope = _rig.Scope())
        {
            await _rig.Handover!.ReleaseAsync(scope.ServiceProvider.GetRequiredService<ErdsDbContext>(), Cancel);
        }
        Assert.Null((await _rig.RowsAsync()).Single().LockedBy);
        Assert.Equal(1, await _rig.Dispatcher(_clock, lease: Lease, ownHandover: false).DispatchBatchAsync(Cancel));
    }

    private static DeliveryEventRecorded Announcement() =>
        new() { DeliveryEventId = Guid.NewGuid(), MessageId = Guid.NewGuid(), RecipientIndex = 0, EventName = "SubmissionAcceptance" };
}
