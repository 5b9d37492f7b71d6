using Erds.Persistence.Tests.Sqlite;
using Xunit;

namespace Erds.IntegrationTests.Consumers;

public sealed class SqliteEvidenceReconcilerTests(SqliteDatabase database) : EvidenceReconcilerTests(database), IClassFixture<SqliteDatabase>;
