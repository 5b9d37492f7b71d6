using Erds.Persistence.Tests.Sqlite;
using Xunit;

namespace Erds.IntegrationTests.Consumers;

// The embedded default, which needs no server.
public sealed class SqliteConsignmentNotificationTests(SqliteDatabase database) : ConsignmentNotificationTests(database), IClassFixture<SqliteDatabase>;
