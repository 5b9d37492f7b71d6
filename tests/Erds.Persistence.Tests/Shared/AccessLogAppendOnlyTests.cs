using Erds.Persistence.AccessLog;
using Erds.Persistence.Entities;
using Erds.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Persistence.Tests.Shared;

// The access log only grows: whatever path the code takes (tracked change, removal, bulk statement),
// a written entry stays exactly as written.
public abstract class AccessLogAppendOnlyTests(ITestDatabase database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entries_are_appended_with_increasing_ids_and_read_back_as_written()
    {
        var organisationId = Guid.NewGuid();
        var first = await AppendAsync(organisationId, "first");
        var second = await AppendAsync(organisationId, "second");

        Assert.True(second.Id > first.Id);
        await using var db = database.Open();
        var read = await db.AccessLog.AsNoTracking().Where(e => e.OrganisationId == organisationId).OrderByDescending(e => e.Id).ToListAsync(Cancel);
        Assert.Equal(["second", "first"], read.Select(e => e.Detail));
        Assert.Equal(first.MessageId, read[1].MessageId);
        Assert.Equal(first.At.ToUnixTimeMilliseconds(), read[1].At.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Changing_a_written_entry_is_refused_and_leaves_it_as_it_was()
    {
        var written = await AppendAsync(Guid.NewGuid(), "as written");

        await using (var db = database.Open())
        {
            var entry = await db.AccessLog.SingleAsync(e => e.Id == written.Id, Cancel);
            db.Entry(entry).Property(e => e.Detail).CurrentValue = "rewritten";
            await Assert.ThrowsAsync<AppendOnlyViolationException>(() => db.SaveChangesAsync(Cancel));
            Assert.Throws<AppendOnlyViolationException>(() => db.SaveChanges());
        }

        Assert.Equal("as written", await DetailAsync(written.Id));
    }

    [Fact]
    public async Task Deleting_a_written_entry_is_refused()
    {
        var written = await AppendAsync(Guid.NewGuid(), "kept");

        await using (var db = database.Open())
        {
            db.AccessLog.Remove(await db.AccessLog.SingleAsync(e => e.Id == written.Id, Cancel));
            await Assert.ThrowsAsync<AppendOnlyViolationException>(() => db.SaveChangesAsync(Cancel));
        }
        await using (var db = database.Open())
        {
            // Attached without reading it first, as an Update or Remove by id would.
            db.AccessLog.Update(new AccessLogEntry { Id = written.Id, Action = AccessActions.EvidenceRead, At = DateTimeOffset.UtcNow });
            await Assert.ThrowsAsync<AppendOnlyViolationException>(() => db.SaveChangesAsync(Cancel));
        }

        Assert.Equal("kept", await DetailAsync(written.Id));
    }

    [Fact]
    public async Task Bulk_updates_and_deletes_of_the_access_log_are_refused()
    {
        var written = await AppendAsync(Guid.NewGuid(), "kept");

        await using (var db = database.Open())
        {
            await Assert.ThrowsAsync<AppendOnlyViolationException>(() =>
                db.AccessLog.Where(e => e.Id == written.Id).ExecuteDeleteAsync(Cancel));
            await Assert.ThrowsAsync<AppendOnlyViolationException>(() =>
                db.AccessLog.Where(e => e.Id == written.Id).ExecuteUpdateAsync(set => set.SetProperty(e => e.Detail, "rewritten"), Cancel));
        }

        Assert.Equal("kept", await DetailAsync(written.Id));
    }

    [Fact]
    public async Task Other_tables_still_take_bulk_changes()
    {
        var organisation = Seed.Organisation();
        await using var db = database.Open();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(Cancel);

        var changed = await db.Organisations.Where(o => o.Id == organisation.Id).ExecuteUpdateAsync(set => set.SetProperty(o => o.LegalName, "Renamed"), Cancel);

        Assert.Equal(1, changed);
    }

    private async Task<AccessLogEntry> AppendAsync(Guid organisationId, string detail)
    {
        var entry = new AccessLogEntry
        {
            At = DateTimeOffset.UtcNow, Action = AccessActions.EvidenceRead, Status = 200, OrganisationId = organisationId,
            CredentialId = Guid.NewGuid(), ClientAddress = "192.0.2.7", MessageId = Guid.NewGuid(), EvidenceId = Guid.NewGuid(), Detail = detail,
        };
        await using var db = database.Open();
        db.AccessLog.Add(entry);
        await db.SaveChangesAsync(Cancel);
        return entry;
    }

    private async Task<string?> DetailAsync(long id)
    {
        await using var db = database.Open();
        return await db.AccessLog.AsNoTracking().Where(e => e.Id == id).Select(e => e.Detail).SingleAsync(Cancel);
    }
}
