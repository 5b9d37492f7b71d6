using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.Persistence.Tests.Sqlite;

public sealed class SqliteAccessLogAppendOnlyTests(SqliteDatabase database) : AccessLogAppendOnlyTests(database), IClassFixture<SqliteDatabase>;
