using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Erds.Persistence;

// PostgreSQL through Npgsql. Migrations: Migrations/PostgreSql.
public sealed class PostgreSqlErdsDbContext(DbContextOptions<PostgreSqlErdsDbContext> options) : ErdsDbContext(options);

// Used only by `dotnet ef` to generate migrations; no server is contacted.
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlErdsDbContext>
{
    public PostgreSqlErdsDbContext CreateDbContext(string[] args) =>
        new(ErdsDatabase.Options<PostgreSqlErdsDbContext>(StorageProviders.PostgreSql, "Host=localhost;Database=erds_design_time"));
}
