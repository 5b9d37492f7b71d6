using Erds.Persistence.Outbox;
using Erds.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

// Claiming on PostgreSQL passes over rows another transaction holds (one dispatcher marking its rows
// sent) instead of waiting for them: waiting while holding rows of its own is how two dispatchers
// deadlocked under load.
public sealed class PostgreSqlOutboxClaimTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_claim_takes_the_free_rows_without_waiting_for_a_held_one()
    {
        var now = DateTimeOffset.UtcNow;
        var ids = await SeedAsync(3, now);
        await using var holder = ((ITestDatabase)database).Open();
        await using var transaction = await holder.Database.BeginTransactionAsync(Cancel);
        await holder.Database.ExecuteSqlInterpolatedAsync($"""SELECT 1 FROM "Outbox" WHERE "Id" = {ids[0]} FOR UPDATE""", Cancel);

        await using var db = ((ITestDatabase)database).Open();
        var claim = await OutboxClaim.TakeAsync(db, "claim-test", 10, TimeSpan.FromSeconds(30), now, Cancel).WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.Equal(ids[1..], claim.Rows.Select(r => r.Id));
        Assert.All(claim.Rows, r => Assert.Equal(("claim-test", 1), (r.LockedBy, r.Attempts)));
        await transaction.RollbackAsync(Cancel);
        // Once let go, the held row is claimed by the next claim, and only it.
        var next = await OutboxClaim.TakeAsync(db, "claim-test-2", 10, TimeSpan.FromSeconds(30), now, Cancel);
        Assert.Equal([ids[0]], next.Rows.Select(r => r.Id));
    }

    private async Task<long[]> SeedAsync(int count, DateTimeOffset now)
    {
        await using var db = ((ITestDatabase)database).Open();
        var rows = Enumerable.Range(0, count)
            .Select(_ => new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = "Test", Body = "{}", CreatedAt = now })
            .ToList();
        db.Outbox.AddRange(rows);
        await db.SaveChangesAsync(Cancel);
        return [.. rows.Select(r => r.Id).Order()];
    }
}
