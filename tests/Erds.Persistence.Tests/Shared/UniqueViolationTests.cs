using Erds.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Persistence.Tests.Shared;

// Each provider reports "already exists" in its own words; UniqueViolation must hear all of them,
// and nothing else.
public abstract class UniqueViolationTests(ITestDatabase database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_duplicate_in_a_unique_index_is_a_unique_violation()
    {
        var organisation = Seed.Organisation();
        await SaveAsync(organisation);
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(Seed.Organisation(organisation.Handle)));
        Assert.True(UniqueViolation.Is(failure), failure.InnerException?.Message);
    }

    [Fact]
    public async Task A_duplicate_primary_key_is_a_unique_violation()
    {
        var organisation = Seed.Organisation();
        await SaveAsync(organisation);
        var twin = Seed.Organisation();
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(new Entities.Organisation
        {
            Id = organisation.Id, Handle = twin.Handle, LegalName = twin.LegalName, CreatedAt = twin.CreatedAt,
        }));
        Assert.True(UniqueViolation.Is(failure), failure.InnerException?.Message);
    }

    [Fact]
    public async Task A_missing_foreign_key_is_not_a_unique_violation()
    {
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(Seed.Mailbox(organisationId: Guid.NewGuid())));
        Assert.False(UniqueViolation.Is(failure), failure.InnerException?.Message);
    }

    private async Task SaveAsync(object entity)
    {
        await using var db = database.Open();
        db.Add(entity);
        await db.SaveChangesAsync(Cancel);
    }
}
