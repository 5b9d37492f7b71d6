using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Erds.Host.Tests.Support;
using Erds.Persistence.Entities;
using Erds.Submission.AccessLog;
using Erds.Submission.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Erds.Host.Tests;

// Messages in every state the endpoints need, and a token of every scope for each organisation.
public sealed class AuthorizationMatrixFixture() : ProviderFixtureBase(new TestProvider()), IAsyncLifetime
{
    public Guid MessageId { get; private set; }
    public Guid SenderEvidenceId { get; private set; }
    public Guid RecipientEvidenceId { get; private set; }
    public Guid ToAccept { get; private set; }
    public Guid ToRefuse { get; private set; }
    public Dictionary<(string Org, string Scope), (string Token, Guid CredentialId)> Tokens { get; } = [];
    public string ExpiredToken { get; private set; } = "";
    public string RevokedToken { get; private set; } = "";

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var party in new[] { Parties.Court, Parties.Firm, Parties.Outsider })
        {
            foreach (var scope in ApiScopes.All) Tokens[(party.Handle, scope)] = await party.IssueTokenAsync(Provider, scope);
        }
        ExpiredToken = (await Parties.Court.IssueTokenAsync(Provider, string.Join(' ', ApiScopes.All), Provider.Clock.GetUtcNow().AddMinutes(-1))).Token;
        var (revoked, revokedId) = await Parties.Court.IssueTokenAsync(Provider, string.Join(' ', ApiScopes.All));
        await using (var scope = Provider.Database())
        {
            await scope.Db.ApiCredentials.Where(c => c.Id == revokedId).ExecuteUpdateAsync(set => set.SetProperty(c => c.RevokedAt, DateTimeOffset.UtcNow));
        }
        RevokedToken = revoked;

        MessageId = await Court.SubmitAcceptedAsync(TestMessage.Between(Parties.Court, Parties.Firm));
        SenderEvidenceId = (await Court.WaitForEvidenceAsync(MessageId, "SubmissionAcceptance", "ContentConsignment"))[0].EvidenceId;
        using (var content = await Firm.Http.GetAsync($"/api/v1/inbox/{MessageId}/content")) content.EnsureSuccessStatusCode();
        RecipientEvidenceId = (await Firm.GetJsonAsync($"/api/v1/inbox/{MessageId}/evidence"))[0].GetProperty("evidenceId").GetGuid();
        ToAccept = await ConsentMessageAsync();
        ToRefuse = await ConsentMessageAsync();
    }

    private async Task<Guid> ConsentMessageAsync()
    {
        var id = await Court.SubmitAcceptedAsync(TestMessage.Between(Parties.Court, Parties.Firm) with { Mode = "consent" });
        await Court.WaitForEvidenceAsync(id, "NotificationForAcceptance");
        return id;
    }
}

// Every endpoint of the application (read from its own endpoint list, so that a new one cannot be
// forgotten) against three organisations with a token of each scope, and against no token, a malformed,
// an expired and a revoked one: 401 with a Bearer challenge, 403 for the wrong scope, 404 for another
// organisation's message exactly as for one that does not exist, success for the owner with the scope.
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private enum Owner { Public, Anyone, Sender, Recipient }

    private sealed record Ids(Guid Message, Guid SenderEvidence, Guid RecipientEvidence, Guid ToAccept, Guid ToRefuse);

    // Keyed "METHOD route" as the endpoint list has them ("*" for any method).
    // Who owns what the endpoint shows: Sender (court's message), Recipient (addressed to the firm),
    // Anyone (each caller sees its own: lists, submissions, the many-messages read), Public (no token).
    private sealed record Expectation(string? Scope, Owner Owner, HttpStatusCode Success, Func<Ids, string> Path);

    private static readonly Dictionary<string, Expectation> Matrix = new()
    {
        ["* /health/live"] = new(null, Owner.Public, HttpStatusCode.OK, _ => "/health/live"),
        ["* /health/ready"] = new(null, Owner.Public, HttpStatusCode.OK, _ => "/health/ready"),
        ["GET /openapi/{documentName}.json"] = new(null, Owner.Public, HttpStatusCode.OK, _ => "/openapi/v1.json"),
        ["POST /api/v1/messages"] = new(ApiScopes.Send, Owner.Anyone, HttpStatusCode.Accepted, _ => "/api/v1/messages"),
        ["GET /api/v1/messages"] = new(ApiScopes.Send, Owner.Anyone, HttpStatusCode.OK, _ => "/api/v1/messages"),
        ["GET /api/v1/messages/{messageId:guid}"] = new(ApiScopes.Send, Owner.Sender, HttpStatusCode.OK, i => $"/api/v1/messages/{i.Message}"),
        ["GET /api/v1/messages/evidence"] = new(ApiScopes.Evidence, Owner.Anyone, HttpStatusCode.OK, i => $"/api/v1/messages/evidence?messageId={i.Message}"),
        ["GET /api/v1/messages/{messageId:guid}/evidence"] = new(ApiScopes.Evidence, Owner.Sender, HttpStatusCode.OK, i => $"/api/v1/messages/{i.Message}/evidence"),
        ["GET /api/v1/messages/{messageId:guid}/evidence/{evidenceId:guid}"] = new(ApiScopes.Evidence, Owner.Sender, HttpStatusCode.OK,
            i => $"/api/v1/messages/{i.Message}/evidence/{i.SenderEvidence}"),
        ["GET /api/v1/inbox"] = new(ApiScopes.Receive, Owner.Anyone, HttpStatusCode.OK, _ => "/api/v1/inbox"),
        ["GET /api/v1/inbox/{messageId:guid}"] = new(ApiScopes.Receive, Owner.Recipient, HttpStatusCode.OK, i => $"/api/v1/inbox/{i.Message}"),
        ["GET /api/v1/inbox/{messageId:guid}/content"] = new(ApiScopes.Receive, Owner.Recipient, HttpStatusCode.OK, i => $"/api/v1/inbox/{i.Message}/content"),
        ["GET /api/v1/inbox/{messageId:guid}/parts/{partId}"] = new(ApiScopes.Receive, Owner.Recipient, HttpStatusCode.OK, i => $"/api/v1/inbox/{i.Message}/parts/body"),
        ["POST /api/v1/inbox/{messageId:guid}/accept"] = new(ApiScopes.Receive, Owner.Recipient, HttpStatusCode.NoContent, i => $"/api/v1/inbox/{i.ToAccept}/accept"),
        ["POST /api/v1/inbox/{messageId:guid}/refuse"] = new(ApiScopes.Receive, Owner.Recipient, HttpStatusCode.NoContent, i => $"/api/v1/inbox/{i.ToRefuse}/refuse"),
        ["GET /api/v1/inbox/{messageId:guid}/evidence"] = new(ApiScopes.Evidence, Owner.Recipient, HttpStatusCode.OK, i => $"/api/v1/inbox/{i.Message}/evidence"),
        ["GET /api/v1/inbox/{messageId:guid}/evidence/{evidenceId:guid}"] = new(ApiScopes.Evidence, Owner.Recipient, HttpStatusCode.OK,
            i => $"/api/v1/inbox/{i.Message}/evidence/{i.RecipientEvidence}"),
        ["GET /api/v1/access-log"] = new(ApiScopes.Administer, Owner.Anyone, HttpStatusCode.OK, _ => "/api/v1/access-log"),
    };

    private Parties P => fixture.Parties;

    [Fact]
    public void Every_endpoint_of_the_application_is_in_the_matrix_with_the_scope_it_requires()
    {
        var endpoints = Endpoints();

        Assert.Equal(Matrix.Keys.Order(), endpoints.Keys.Order());
        foreach (var (key, endpoint) in endpoints)
        {
            Assert.True(Matrix[key].Scope == endpoint.Metadata.GetMetadata<RequiredScope>()?.Scope, $"{key}: requires {endpoint.Metadata.GetMetadata<RequiredScope>()?.Scope ?? "no scope"}");
        }
    }

    [Fact]
    public async Task Every_endpoint_answers_every_organisation_and_token_as_the_matrix_says_and_successful_reads_are_logged()
    {
        var ids = new Ids(fixture.MessageId, fixture.SenderEvidenceId, fixture.RecipientEvidenceId, fixture.ToAccept, fixture.ToRefuse);
        var missing = new Ids(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var endpoints = Endpoints();
        var failures = new List<string>();
        var audited = new List<(Guid Credential, string Action, Guid? Message)>();
        var refusals = new List<(string? Token, string Action)>();
        long before;
        await using (var scope = fixture.Provider.Database()) before = await scope.Db.AccessLog.MaxAsync(e => (long?)e.Id) ?? 0;
        var tried = 0;

        // Accept and refuse succeed once; the owner with the right scope is tried last.
        foreach (var (key, expectation) in Matrix.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            // Health checks answer any method; they are asked as probes ask.
            var method = key.Split(' ')[0] is "*" ? "GET" : key.Split(' ')[0];
            var callers = new List<(string Name, string? Token, Party? Party, string? Scope)>
            {
                ("no token", null, null, null), ("malformed token", "erds_not-a-token", null, null),
                ("expired token", fixture.ExpiredToken, null, null), ("revoked token", fixture.RevokedToken, null, null),
            };
            foreach (var party in new[] { P.Outsider, P.Firm, P.Court })
            {
                callers.AddRange(ApiScopes.All.OrderBy(s => s == expectation.Scope).Select(s => ($"{party.Handle}/{s}", (string?)fixture.Tokens[(party.Handle, s)].Token, (Party?)party, (string?)s)));
            }
            foreach (var caller in callers)
            {
                tried++;
                using var response = await SendAsync(method, expectation.Path(ids), caller.Token, caller.Party);
                var body = await response.Content.ReadAsStringAsync();
                var expected = Expected(expectation, caller.Token, caller.Party, caller.Scope);
                var where = $"{key} as {caller.Name}";
                if (response.StatusCode != expected)
                {
                    failures.Add($"{where}: {(int)response.StatusCode}, expected {(int)expected} {body[..Math.Min(body.Length, 200)]}");
                    continue;
                }
                var challenge = response.Headers.WwwAuthenticate.ToString();
                if (expected == HttpStatusCode.Unauthorized)
                {
                    if (!challenge.StartsWith("Bearer", StringComparison.Ordinal)) failures.Add($"{where}: 401 without a Bearer challenge");
                    if (caller.Token is not null) refusals.Add((caller.Token, AccessActions.AuthenticationFailed));
                }
                else if (expected == HttpStatusCode.Forbidden)
                {
                    if (!challenge.Contains($"error=\"insufficient_scope\", scope=\"{expectation.Scope}\"")) failures.Add($"{where}: 403 with challenge '{challenge}'");
                    refusals.Add((caller.Token, AccessActions.ScopeDenied));
                }
                else if (expected == HttpStatusCode.NotFound)
                {
                    using var absent = await SendAsync(method, expectation.Path(missing), caller.Token, caller.Party);
                    if (Normalise(body, missing, ids) != Normalise(await absent.Content.ReadAsStringAsync(), missing, ids)) failures.Add($"{where}: 404 differs from a missing message's:\n{body}");
                }
                else if (key == "GET /api/v1/messages/evidence")
                {
                    var found = JsonDocument.Parse(body).RootElement.GetProperty("messages").GetArrayLength() == 1;
                    if (found != (caller.Party == P.Court)) failures.Add($"{where}: {(found ? "saw" : "did not see")} the court's message");
                }
                var access = endpoints[key].Metadata.GetMetadata<AuditedAccess>();
                if (access is not null && response.IsSuccessStatusCode)
                {
                    audited.Add((fixture.Tokens[(caller.Party!.Handle, caller.Scope!)].CredentialId, access.Action,
                        key.Contains("{messageId:guid}", StringComparison.Ordinal) ? ids.Message : null));
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} requests answered otherwise than the matrix says:\n{string.Join("\n", failures)}");
        List<AccessLogEntry> log;
        await using (var scope = fixture.Provider.Database()) log = await scope.Db.AccessLog.AsNoTracking().Where(e => e.Id > before).ToListAsync();
        foreach (var (credential, action, message) in audited)
        {
            Assert.True(log.Any(e => e.CredentialId == credential && e.Action == action && e.Status is >= 200 and < 300 && e.MessageId == message),
                $"no access log entry for {action} on {message} by {credential}");
        }
        Assert.Equal(audited.Count, log.Count(e => e.Status is >= 200 and < 300));
        Assert.Equal(refusals.Count(r => r.Action == AccessActions.ScopeDenied), log.Count(e => e.Action == AccessActions.ScopeDenied));
        Assert.Equal(refusals.Count(r => r.Action == AccessActions.AuthenticationFailed) + Matrix.Count(m => m.Value.Owner != Owner.Public),
            log.Count(e => e.Action == AccessActions.AuthenticationFailed));
    }

    private HttpStatusCode Expected(Expectation expectation, string? token, Party? party, string? scope)
    {
        if (expectation.Owner == Owner.Public) return HttpStatusCode.OK;
        if (party is null) return HttpStatusCode.Unauthorized;
        if (scope != expectation.Scope) return HttpStatusCode.Forbidden;
        return expectation.Owner switch
        {
            Owner.Sender when party != P.Court => HttpStatusCode.NotFound,
            Owner.Recipient when party != P.Firm => HttpStatusCode.NotFound,
            _ => expectation.Success,
        };
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? token, Party? party)
    {
        var http = ErdsApi.WithToken(fixture.Provider, token).Http;
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST" && path == "/api/v1/messages")
        {
            // Each organisation sends from its own mailbox.
            request.Content = TestMessage.Between(party ?? P.Court, P.Firm).ToContent();
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }
        else if (path.EndsWith("/refuse", StringComparison.Ordinal))
        {
            request.Content = JsonContent.Create(new { reason = "Niet voor ons bestemd." });
        }
        return await http.SendAsync(request);
    }

    // A missing message's answer names nothing of the message asked for; the trace id differs per request.
    private static string Normalise(string body, Ids missing, Ids asked) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"\"")
            .Replace(missing.Message.ToString(), asked.Message.ToString());

    private Dictionary<string, Endpoint> Endpoints() =>
        fixture.Provider.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Key: $"{m} {e.RoutePattern.RawText}", Endpoint: (Endpoint)e)))
            .ToDictionary(e => e.Key, e => e.Endpoint);
}
