using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

public sealed class PostgreSqlInboxTests(PostgresDatabase database) : InboxTests(database), IClassFixture<PostgresDatabase>;
