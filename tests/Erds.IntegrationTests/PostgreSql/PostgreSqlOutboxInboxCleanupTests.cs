using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

public sealed class PostgreSqlOutboxInboxCleanupTests(PostgresDatabase database) : OutboxInboxCleanupTests(database), IClassFixture<PostgresDatabase>;
