using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.Persistence.Tests.Sqlite;

public sealed class SqliteInboxTests(SqliteDatabase database) : InboxTests(database), IClassFixture<SqliteDatabase>;
