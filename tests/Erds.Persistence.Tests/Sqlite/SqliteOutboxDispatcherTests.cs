using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.Persistence.Tests.Sqlite;

public sealed class SqliteOutboxDispatcherTests(SqliteDatabase database) : OutboxDispatcherTests(database), IClassFixture<SqliteDatabase>;
