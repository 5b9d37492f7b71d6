using Erds.Persistence.Outbox;
using Erds.Persistence.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Erds.Persistence.Tests.Shared;

// The outbox with several dispatchers (API instances) on one database: each row is published once
// while a claim holds, started in row order within a claim (a publish does not wait for the confirm
// of the one before), and a dead or failing dispatcher holds nothing back for longer than its lease.
public abstract class OutboxDispatcherTests(ITestDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private OutboxRig _rig = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _rig = await OutboxRig.StartAsync(database);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    [Fact]
    public async Task Rows_are_published_in_row_order_with_their_own_message_id_and_marked_sent()
    {
        var ids = await _rig.SeedAsync(25, _clock.GetUtcNow());
        var dispatcher = _rig.Dispatcher(_clock);

        Assert.Equal(10, await dispatcher.DispatchBatchAsync(Cancel));
        Assert.Equal(10, await dispatcher.DispatchBatchAsync(Cancel));
        Assert.Equal(5, await dispatcher.DispatchBatchAsync(Cancel));
        Assert.Equal(0, await dispatcher.DispatchBatchAsync(Cancel));

        Assert.Equal(ids, _rig.Published);
        Assert.All(await _rig.RowsAsync(), row =>
        {
            Assert.NotNull(row.SentAt);
            Assert.Null(row.LockedBy);
            Assert.Equal(1, row.Attempts);
        });
    }

    [Fact]
    public async Task A_row_takes_the_correlation_id_of_the_work_that_wrote_it_and_publishes_it()
    {
        var guid = Guid.NewGuid();
        var named = await _rig.SeedInScopeAsync("court-request-7", _clock.GetUtcNow());
        var guidNamed = await _rig.SeedInScopeAsync(guid.ToString(), _clock.GetUtcNow());
        var background = await _rig.SeedInScopeAsync(null, _clock.GetUtcNow());
        Assert.Equal(["court-request-7", guid.ToString(), null], (await _rig.RowsAsync()).Select(r => r.CorrelationId));

        Assert.Equal(3, await _rig.Dispatcher(_clock).DispatchBatchAsync(Cancel));

        Assert.Equal(("court-request-7", null), _rig.Correlations[named]);
        // MassTransit's CorrelationId takes only a GUID; when the id is one, it is set too.
        Assert.Equal((guid.ToString(), guid), _rig.Correlations[guidNamed]);
        Assert.Equal((null, null), _rig.Correlations[background]);
    }

    [Fact]
    public async Task While_one_dispatcher_holds_a_claim_another_publishes_only_other_rows()
    {
        var ids = await _rig.SeedAsync(30, _clock.GetUtcNow());
        var first = _rig.Dispatcher(_clock);
        var second = _rig.Dispatcher(_clock);
        var firstIsPublishing = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        _rig.BeforePublish = async id =>
        {
            if (id != ids[0]) return;
            firstIsPublishing.SetResult();
            await release.Task;
        };

        // The first dispatcher claims rows 1-10 and is stuck publishing row 1 (rows 2-10 are in
        // flight beside it: a publish does not wait for the one before).
        var stuck = first.DispatchBatchAsync(Cancel);
        await firstIsPublishing.Task.WaitAsync(Cancel);
        Assert.Equal(10, await second.DispatchBatchAsync(Cancel));
        Assert.Equal(10, await second.DispatchBatchAsync(Cancel));
        Assert.Equal(0, await second.DispatchBatchAsync(Cancel));
        var rows = await _rig.RowsAsync();
        Assert.All(rows[..10], row => { Assert.Null(row.SentAt); Assert.NotNull(row.LockedBy); });
        Assert.All(rows[10..], row => { Assert.NotNull(row.SentAt); Assert.Equal(1, row.Attempts); });
        Assert.DoesNotContain(ids[0], _rig.Published);

        release.SetResult();
        Assert.Equal(10, await stuck);
        Assert.Equal(ids.Order(), _rig.Published.Order());
    }

    [Fact]
    public async Task Two_running_dispatchers_publish_every_row_exactly_once()
    {
        var ids = await _rig.SeedAsync(400, DateTimeOffset.UtcNow);
        var first = _rig.Dispatcher(TimeProvider.System);
        var second = _rig.Dispatcher(TimeProvider.System);

        await Task.WhenAll(first.StartAsync(Cancel), second.StartAsync(Cancel));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await _rig.RowsAsync()).Any(r => r.SentAt is null) && DateTime.UtcNow < deadline) await Task.Delay(50, Cancel);
        await Task.WhenAll(first.StopAsync(Cancel), second.StopAsync(Cancel));

        Assert.Equal(ids.Order(), _rig.Published.Order());
        Assert.All(await _rig.RowsAsync(), row => Assert.NotNull(row.SentAt));
    }

    [Fact]
    public async Task Rows_claimed_by_a_dispatcher_that_died_are_published_once_its_lease_runs_out()
    {
        var ids = await _rig.SeedAsync(15, _clock.GetUtcNow());
        await using (var db = _rig.Open())
        {
            // A dispatcher claims and dies before publishing anything.
            var dead = await OutboxClaim.TakeAsync(db, "dead-instance/1", 10, Lease, _clock.GetUtcNow(), Cancel);
            Assert.Equal(ids[..10], dead.Rows.Select(r => r.MessageId));
        }
        var survivor = _rig.Dispatcher(_clock, lease: Lease);

        Assert.Equal(5, await survivor.DispatchBatchAsync(Cancel));
        _clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await survivor.DispatchBatchAsync(Cancel));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(10, await survivor.DispatchBatchAsync(Cancel));

        Assert.Equal([.. ids[10..], .. ids[..10]], _rig.Published);
        Assert.All((await _rig.RowsAsync()).Take(10), row => Assert.Equal(2, row.Attempts));
    }

    [Fact]
    public async Task A_failed_publish_gives_the_rest_of_the_claim_back_at_once()
    {
        var ids = await _rig.SeedAsync(10, _clock.GetUtcNow());
        var failOnce = true;
        _rig.BeforePublish = id =>
        {
            if (id != ids[3] || !failOnce) return Task.CompletedTask;
            failOnce = false;
            throw new InvalidOperationException("broker refused");
        };
        var dispatcher = _rig.Dispatcher(_clock);

        await Assert.ThrowsAnyAsync<Exception>(() => dispatcher.DispatchBatchAsync(Cancel));
        Assert.Equal(ids[..3], _rig.Published);
        Assert.All((await _rig.RowsAsync()).Skip(3), row => Assert.Null(row.LockedUntil));

        // Same instant: nothing waits for the lease.
        Assert.Equal(7, await _rig.Dispatcher(_clock).DispatchBatchAsync(Cancel));
        Assert.Equal(ids, _rig.Published);
    }

    [Fact]
    public async Task A_dispatcher_whose_lease_ran_out_stops_and_leaves_the_rest_to_another()
    {
        var ids = await _rig.SeedAsync(10, _clock.GetUtcNow());
        // The broker is so slow that the lease is over after the first publish.
        _rig.BeforePublish = _ =>
        {
            _clock.Advance(Lease + TimeSpan.FromSeconds(1));
            _rig.BeforePublish = _ => Task.CompletedTask;
            return Task.CompletedTask;
        };

        Assert.Equal(1, await _rig.Dispatcher(_clock, lease: Lease).DispatchBatchAsync(Cancel));
        Assert.Equal(9, await _rig.Dispatcher(_clock, lease: Lease).DispatchBatchAsync(Cancel));
        Assert.Equal(ids, _rig.Published);
    }
}
