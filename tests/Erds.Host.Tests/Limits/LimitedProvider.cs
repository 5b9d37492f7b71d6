using Erds.Host.Tests.Support;

namespace Erds.Host.Tests.Limits;

// A provider with seeded parties and the given limits (Erds:Limits:<name>), started for one test.
public sealed class LimitedProvider(IReadOnlyDictionary<string, string> settings)
    : ProviderFixtureBase(new TestProvider { Settings = settings })
{
    public static async Task<LimitedProvider> StartAsync(params (string Name, string Value)[] limits)
    {
        var provider = new LimitedProvider(limits.ToDictionary(l => "Erds:Limits:" + l.Name, l => l.Value));
        await provider.InitializeAsync();
        return provider;
    }

    public async Task<int> MessageCountAsync()
    {
        await using var scope = Provider.Database();
        return scope.Db.Messages.Count();
    }

    public bool HasContent(Guid messageId) =>
        Directory.Exists(Path.Combine(Provider.DataDirectory, "content", messageId.ToString("N")[..2], messageId.ToString("N")));
}
