using Erds.Persistence.Tests.Shared;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

public sealed class PostgreSqlModelRoundTripTests(PostgresDatabase database) : ModelRoundTripTests(database), IClassFixture<PostgresDatabase>;
