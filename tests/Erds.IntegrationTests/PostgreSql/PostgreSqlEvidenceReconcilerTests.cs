using Erds.IntegrationTests.Consumers;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

public sealed class PostgreSqlEvidenceReconcilerTests(PostgresDatabase database) : EvidenceReconcilerTests(database), IClassFixture<PostgresDatabase>;
