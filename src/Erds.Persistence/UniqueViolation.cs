using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Erds.Persistence;

// Recognises "this row already exists": the database's own guarantee against doing a thing twice.
// Callers turn it into a domain answer (a replay, a 409), never into a 500.
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    // SQL Server: 2601 duplicate key in a unique index, 2627 in a unique or primary key constraint.
    private const int SqlServerDuplicateKeyInIndex = 2601;
    private const int SqlServerDuplicateKeyInConstraint = 2627;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite =>
            sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException sqlServer => sqlServer.Number is SqlServerDuplicateKeyInIndex or SqlServerDuplicateKeyInConstraint,
        _ => false,
    };
}
