using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Erds.Persistence;

// SQL Server, the production database. Migrations: Migrations/SqlServer.
public sealed class SqlServerErdsDbContext(DbContextOptions<SqlServerErdsDbContext> options) : ErdsDbContext(options);

// Used only by `dotnet ef` to generate migrations; no server is contacted.
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerErdsDbContext>
{
    public SqlServerErdsDbContext CreateDbContext(string[] args) =>
        new(ErdsDatabase.Options<SqlServerErdsDbContext>(StorageProviders.SqlServer, "Server=localhost;Database=erds_design_time;Integrated Security=true;TrustServerCertificate=true"));
}
