using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Erds.Persistence;

// Used only by `dotnet ef` to generate migrations.
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ErdsDbContext>
{
    public ErdsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ErdsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
