using System.Net;
using Erds.Host.Tests.Support;
using Erds.Persistence.Entities;
using Xunit;

namespace Erds.Host.Tests;

// Refusals as RFC 6750 has them: 401 with a Bearer challenge (error="invalid_token" when a token was
// given), 403 with error="insufficient_scope" naming the scope, each with a problem+json body.
public sealed class BearerAuthenticationTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task A_request_without_a_token_gets_a_bearer_challenge_without_an_error_code()
    {
        using var response = await ErdsApi.WithToken(fixture.Provider, null).Http.GetAsync("/api/v1/messages");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"erds\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        var problem = await ErdsApi.ProblemAsync(response);
        Assert.Equal("urn:erds:problem:unauthenticated", problem.GetProperty("type").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Malformed_and_unknown_tokens_and_wrong_secrets_get_invalid_token_and_the_same_answer()
    {
        var court = fixture.Parties.Court.Token;
        string[] tokens =
        [
            "not-a-token",
            $"erds_{Guid.NewGuid():N}_{court[^43..]}",
            court[..^4] + (court.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"),
        ];
        var details = new List<string>();
        foreach (var token in tokens)
        {
            using var response = await ErdsApi.WithToken(fixture.Provider, token).Http.GetAsync("/api/v1/messages");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var challenge = Assert.Single(response.Headers.WwwAuthenticate);
            Assert.Equal("Bearer", challenge.Scheme);
            Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
            details.Add((await ErdsApi.ProblemAsync(response)).GetProperty("detail").GetString()!);
        }
        Assert.Single(details.Distinct());
    }

    [Fact]
    public async Task A_token_without_the_scope_gets_403_naming_the_scope_it_needs()
    {
        var (token, _) = await fixture.Parties.Court.IssueTokenAsync(fixture.Provider, ApiScopes.Receive);

        using var response = await ErdsApi.WithToken(fixture.Provider, token).Http.GetAsync("/api/v1/messages");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Bearer realm=\"erds\", error=\"insufficient_scope\", scope=\"send\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        var problem = await ErdsApi.ProblemAsync(response);
        Assert.Equal("urn:erds:problem:insufficient-scope", problem.GetProperty("type").GetString());
        Assert.Equal("send", problem.GetProperty("requiredScope").GetString());
        Assert.Contains("'send'", problem.GetProperty("detail").GetString());
        using var allowed = await ErdsApi.WithToken(fixture.Provider, token).Http.GetAsync("/api/v1/inbox");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    // The credential is cached for 5 s (CredentialCache); its expiry is still checked on every request.
    [Fact]
    public async Task An_expired_token_is_refused_at_its_expiry_and_not_when_the_cache_renews()
    {
        var clock = fixture.Provider.Clock;
        var expiresAt = clock.GetUtcNow().AddSeconds(3);
        var (token, _) = await fixture.Parties.Firm.IssueTokenAsync(fixture.Provider, ApiScopes.Receive, expiresAt);
        var api = ErdsApi.WithToken(fixture.Provider, token);
        using (var before = await api.Http.GetAsync("/api/v1/inbox")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        clock.SetUtcNow(expiresAt);

        using var after = await api.Http.GetAsync("/api/v1/inbox");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("error=\"invalid_token\"", Assert.Single(after.Headers.WwwAuthenticate).Parameter);
        Assert.Contains("expired", (await ErdsApi.ProblemAsync(after)).GetProperty("detail").GetString());
    }
}
