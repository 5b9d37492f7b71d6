using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

public sealed class PostgreSqlUniqueViolationTests(PostgresDatabase database) : UniqueViolationTests(database), IClassFixture<PostgresDatabase>;
