using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Erds.Persistence;

// Recognises "this row already exists": the database's own guarantee against doing a thing twice.
// Callers turn it into a domain answer (a replay, a 409), never into a 500.
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite =>
            sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}
