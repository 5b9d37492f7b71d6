using Xunit;

namespace Erds.Host.Tests.Support;

// One running provider with seeded parties, shared by the tests of a class.
public sealed class ProviderFixture() : ProviderFixtureBase(new TestProvider());

// A running provider with seeded parties; subclasses choose the provider's configuration.
public abstract class ProviderFixtureBase(TestProvider provider) : IAsyncLifetime
{
    public TestProvider Provider { get; } = provider;
    public Parties Parties { get; private set; } = null!;

    public ErdsApi Court => ErdsApi.For(Provider, Parties.Court);
    public ErdsApi Firm => ErdsApi.For(Provider, Parties.Firm);
    public ErdsApi Outsider => ErdsApi.For(Provider, Parties.Outsider);

    public async ValueTask InitializeAsync()
    {
        _ = Provider.Server; // starts the host: migrations, keys, bus
        Parties = await Parties.SeedAsync(Provider);
    }

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
