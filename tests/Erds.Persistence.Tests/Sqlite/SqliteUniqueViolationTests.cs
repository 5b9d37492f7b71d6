using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.Persistence.Tests.Sqlite;

public sealed class SqliteUniqueViolationTests(SqliteDatabase database) : UniqueViolationTests(database), IClassFixture<SqliteDatabase>;
