using Erds.Persistence;
using Erds.Persistence.Tests.Sqlite;
using Erds.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

// A compiled query kept in a static field serves contexts of different models in one process (here
// SQLite and PostgreSQL, as the test processes hold them): EF Core alone refuses the second model.
public sealed class PerModelQueryTests(SqliteDatabase sqlite, PostgresDatabase postgres) : IClassFixture<SqliteDatabase>, IClassFixture<PostgresDatabase>
{
    private static readonly PerModelQuery<Func<ErdsDbContext, string, Task<int>>> Count = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, string handle) => db.Organisations.Count(o => o.Handle != handle)));

    [Fact]
    public async Task One_static_compiled_query_runs_on_both_providers()
    {
        await using var first = ((ITestDatabase)sqlite).Open();
        await using var second = ((ITestDatabase)postgres).Open();

        Assert.True(await Count.For(first)(first, "none") >= 0);
        Assert.True(await Count.For(second)(second, "none") >= 0);
        Assert.True(await Count.For(first)(first, "none") >= 0);

        // What it guards against: the bare compiled query, bound to the first model it ran with.
        var bare = EF.CompileAsyncQuery((ErdsDbContext db, string handle) => db.Organisations.Count(o => o.Handle != handle));
        await bare(first, "none");
        await Assert.ThrowsAsync<InvalidOperationException>(() => bare(second, "none"));
    }
}
