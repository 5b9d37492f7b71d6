using Erds.IntegrationTests.Consumers;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

public sealed class PostgreSqlEvidenceBatchTests(PostgresDatabase database) : EvidenceBatchTests(database), IClassFixture<PostgresDatabase>;
