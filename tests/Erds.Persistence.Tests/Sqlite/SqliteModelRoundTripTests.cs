using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.Persistence.Tests.Sqlite;

public sealed class SqliteModelRoundTripTests(SqliteDatabase database) : ModelRoundTripTests(database), IClassFixture<SqliteDatabase>;
