using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

public sealed class PostgreSqlAccessLogAppendOnlyTests(PostgresDatabase database) : AccessLogAppendOnlyTests(database), IClassFixture<PostgresDatabase>;
