using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Erds.Persistence.AccessLog;

// The access log is evidence of who saw what: the application adds entries and never changes or
// deletes one. ErdsDbContext runs this before every save, so that no code path (a mistaken Update,
// Remove or a changed property) can write such a change; AppendOnlyQueryGuard refuses the bulk
// statements (ExecuteUpdate, ExecuteDelete) that bypass the change tracker. The database can enforce
// it too, by granting the service's login no UPDATE or DELETE on the table (docs/operations.md).
internal static class AppendOnly
{
    public static void Check(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries<AccessLogEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new AppendOnlyViolationException(
                    $"Access log entry {entry.Entity.Id} would be {(entry.State == EntityState.Deleted ? "deleted" : "changed")}: the access log is append-only.");
            }
        }
    }
}
