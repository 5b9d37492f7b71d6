using System.Net;
using Erds.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Host.Tests;

// A revoked API token stops working: at once without the credential cache, and no later than the
// cache duration with it (the documented price of not reading the credential on every request).
public sealed class TokenRevocationTests
{
    [Fact]
    public async Task A_revoked_token_is_refused_once_the_cache_duration_has_passed()
    {
        await using var fixture = new RevocationFixture(new TestProvider());
        await fixture.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(fixture));

        await RevokeAsync(fixture);
        fixture.Provider.Clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(fixture));
    }

    [Fact]
    public async Task Without_the_cache_a_revoked_token_is_refused_at_once()
    {
        await using var fixture = new RevocationFixture(new TestProvider
        {
            Settings = new Dictionary<string, string> { ["Erds:Submission:CredentialCacheDuration"] = "00:00:00" },
        });
        await fixture.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(fixture));

        await RevokeAsync(fixture);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(fixture));
    }

    private static async Task<HttpStatusCode> StatusAsync(RevocationFixture fixture)
    {
        using var response = await fixture.Court.Http.GetAsync("/api/v1/messages");
        return response.StatusCode;
    }

    private static async Task RevokeAsync(RevocationFixture fixture)
    {
        await using var scope = fixture.Provider.Database();
        var court = await scope.Db.Organisations.SingleAsync(o => o.Handle == "rechtbank", TestContext.Current.CancellationToken);
        var revoked = await scope.Db.ApiCredentials.Where(c => c.OrganisationId == court.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.RevokedAt, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        Assert.Equal(1, revoked);
    }

    private sealed class RevocationFixture(TestProvider provider) : ProviderFixtureBase(provider), IAsyncDisposable;
}
