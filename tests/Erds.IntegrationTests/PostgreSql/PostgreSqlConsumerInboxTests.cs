using Erds.IntegrationTests.Consumers;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

public sealed class PostgreSqlConsumerInboxTests(PostgresDatabase database) : ConsumerInboxTests(database), IClassFixture<PostgresDatabase>;
