using System.Net;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests.Limits;

// Rates per credential and per address: 429 problem+json with Retry-After, counted apart for each
// credential and address.
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_credential_over_its_rate_gets_429_with_retry_after_and_another_credential_does_not()
    {
        await using var provider = await LimitedProvider.StartAsync(("PerCredentialRequestsPerSecond", "1"), ("PerCredentialBurst", "3"));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await provider.Court.Http.GetAsync("/api/v1/messages");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var problem = await ErdsApi.ProblemAsync(refused!);
        Assert.Equal("urn:erds:problem:rate-limited", problem.GetProperty("type").GetString());
        Assert.Contains("1 requests per second", problem.GetProperty("detail").GetString());
        var retryAfter = int.Parse(Assert.Single(refused!.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 1, 2);
        Assert.Equal(HttpStatusCode.OK, (await provider.Firm.Http.GetAsync("/api/v1/messages")).StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_valid_token_are_limited_per_address_and_health_is_not_limited()
    {
        await using var provider = await LimitedProvider.StartAsync(("PerAddressRequestsPerSecond", "1"), ("PerAddressBurst", "2"));
        var guesser = ErdsApi.WithToken(provider.Provider, "erds_00000000000000000000000000000000_guess");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await guesser.Http.GetAsync("/api/v1/messages")).StatusCode);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await guesser.Http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.Court.Http.GetAsync("/api/v1/messages")).StatusCode);
    }
}
