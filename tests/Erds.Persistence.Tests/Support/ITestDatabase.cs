using Erds.Persistence;

namespace Erds.Persistence.Tests.Support;

// A migrated database of one provider, owned by one test class. The tests in Shared/ run against
// each provider through this (SQLite here, PostgreSQL in Erds.IntegrationTests).
public interface ITestDatabase
{
    string Provider { get; }
    string ConnectionString { get; }

    ErdsDbContext Open() => ErdsDatabase.Open(Provider, ConnectionString);
}
