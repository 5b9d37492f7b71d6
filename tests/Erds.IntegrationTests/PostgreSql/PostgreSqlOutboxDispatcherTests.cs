using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

public sealed class PostgreSqlOutboxDispatcherTests(PostgresDatabase database) : OutboxDispatcherTests(database), IClassFixture<PostgresDatabase>;
