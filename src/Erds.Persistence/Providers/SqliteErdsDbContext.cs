using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Erds.Persistence;

// The embedded default. Migrations: Migrations/Sqlite.
public sealed class SqliteErdsDbContext(DbContextOptions<SqliteErdsDbContext> options) : ErdsDbContext(options)
{
    // SQLite has no date-time type: instants are stored as UTC ticks so that comparisons and
    // ordering are done by the database and stay exact.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
}

// Used only by `dotnet ef` to generate migrations; the file is never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteErdsDbContext>
{
    public SqliteErdsDbContext CreateDbContext(string[] args) =>
        new(ErdsDatabase.Options<SqliteErdsDbContext>(StorageProviders.Sqlite, "Data Source=design-time.db"));
}
