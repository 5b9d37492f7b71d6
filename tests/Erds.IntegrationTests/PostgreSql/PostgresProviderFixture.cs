using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

// The whole provider (API, evidence, consignment, outbox, in-memory bus) on an empty PostgreSQL
// database that the host migrates itself on start, as a fresh deployment would.
public sealed class PostgresProviderFixture : IAsyncLifetime
{
    private string _connectionString = "";

    public TestProvider Provider { get; private set; } = null!;
    public Parties Parties { get; private set; } = null!;

    public ErdsApi Court => ErdsApi.For(Provider, Parties.Court);
    public ErdsApi Firm => ErdsApi.For(Provider, Parties.Firm);

    public async ValueTask InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync();
        Provider = new TestProvider
        {
            Settings = new Dictionary<string, string>
            {
                ["Erds:Storage:Provider"] = "PostgreSql",
                ["ConnectionStrings:Erds"] = _connectionString,
            },
        };
        _ = Provider.Server;
        Parties = await Parties.SeedAsync(Provider);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider is not null) await Provider.DisposeAsync();
        if (_connectionString.Length > 0) await PostgresServer.DropDatabaseAsync(_connectionString);
    }
}
