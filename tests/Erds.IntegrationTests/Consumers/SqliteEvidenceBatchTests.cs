using Erds.Persistence.Tests.Sqlite;
using Xunit;

namespace Erds.IntegrationTests.Consumers;

public sealed class SqliteEvidenceBatchTests(SqliteDatabase database) : EvidenceBatchTests(database), IClassFixture<SqliteDatabase>;
