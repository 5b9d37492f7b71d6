using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.Persistence.Tests.Sqlite;

public sealed class SqliteOutboxInboxCleanupTests(SqliteDatabase database) : OutboxInboxCleanupTests(database), IClassFixture<SqliteDatabase>;
