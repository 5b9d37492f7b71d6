using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.Persistence.Tests.Sqlite;

public sealed class SqliteOutboxHandoverTests(SqliteDatabase database) : OutboxHandoverTests(database), IClassFixture<SqliteDatabase>;
