using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

public sealed class PostgreSqlOutboxHandoverTests(PostgresDatabase database) : OutboxHandoverTests(database), IClassFixture<PostgresDatabase>;
