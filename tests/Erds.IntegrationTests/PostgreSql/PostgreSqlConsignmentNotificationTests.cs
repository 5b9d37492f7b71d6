using Erds.IntegrationTests.Consumers;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

public sealed class PostgreSqlConsignmentNotificationTests(PostgresDatabase database) : ConsignmentNotificationTests(database), IClassFixture<PostgresDatabase>;
