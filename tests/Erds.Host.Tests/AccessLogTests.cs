using System.Net;
using System.Text.Json;
using Erds.Host.Tests.Support;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Host.Tests;

// Every evidence read and content retrieval, and every failed authentication, leaves an entry saying
// who (credential, user, organisation), from where, when and what; the organisation's administrators
// read their own entries through the API.
public sealed class AccessLogTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task Evidence_reads_and_content_retrieval_are_recorded_with_who_what_and_when()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance", "ContentConsignment");
        var before = await LastIdAsync();

        await fixture.Court.GetJsonAsync($"/api/v1/messages/{messageId}/evidence");
        await fixture.Court.GetJsonAsync($"/api/v1/messages/evidence?messageId={messageId}&messageId={Guid.NewGuid()}");
        using (var one = await fixture.Court.Http.GetAsync($"/api/v1/messages/{messageId}/evidence/{evidence[0].EvidenceId}")) Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using (var content = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content")) Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        using (var part = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/parts/body")) Assert.Equal(HttpStatusCode.OK, part.StatusCode);
        var recipientEvidence = await fixture.Firm.GetJsonAsync($"/api/v1/inbox/{messageId}/evidence");
        var recipientEvidenceId = recipientEvidence[0].GetProperty("evidenceId").GetGuid();
        using (var one = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/evidence/{recipientEvidenceId}")) Assert.Equal(HttpStatusCode.OK, one.StatusCode);

        var entries = await EntriesSinceAsync(before);
        var court = await CredentialAsync(P.Court);
        var firm = await CredentialAsync(P.Firm);
        Assert.Equal(
            [
                (AccessActions.EvidenceList, court.Id, (Guid?)null, "as sender"),
                (AccessActions.EvidenceListMany, court.Id, null, $"as sender; 1 message(s): {messageId}; 1 not found"),
                (AccessActions.EvidenceRead, court.Id, evidence[0].EvidenceId, "as sender"),
                (AccessActions.ContentRetrieve, firm.Id, null, null),
                (AccessActions.ContentPart, firm.Id, null, "part body"),
                (AccessActions.EvidenceList, firm.Id, null, "as recipient"),
                (AccessActions.EvidenceRead, firm.Id, recipientEvidenceId, "as recipient"),
            ],
            entries.Select(e => (e.Action, e.CredentialId!.Value, e.EvidenceId, e.Detail)));
        Assert.All(entries, e =>
        {
            Assert.Equal(200, e.Status);
            Assert.Equal(e.CredentialId == court.Id ? court.OrganisationId : firm.OrganisationId, e.OrganisationId);
            Assert.Equal(messageId, e.Action == AccessActions.EvidenceListMany ? messageId : e.MessageId);
            Assert.Null(e.Operator);
            Assert.NotNull(e.CorrelationId);
        });
        Assert.Equal(court.UserId, entries[0].UserId);
        Assert.NotNull(court.UserId);
        Assert.True(entries.Zip(entries.Skip(1)).All(pair => pair.First.At <= pair.Second.At));
    }

    [Fact]
    public async Task A_refused_read_is_recorded_under_the_caller_with_the_id_it_asked_for()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        var before = await LastIdAsync();

        using var response = await fixture.Outsider.Http.GetAsync($"/api/v1/messages/{messageId}/evidence");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var entry = Assert.Single(await EntriesSinceAsync(before));
        var outsider = await CredentialAsync(P.Outsider);
        Assert.Equal((AccessActions.EvidenceList, 404, outsider.OrganisationId, messageId), (entry.Action, entry.Status, entry.OrganisationId, entry.MessageId));
    }

    [Fact]
    public async Task Failed_authentication_is_recorded_with_the_organisation_when_the_credential_exists_and_without_when_not()
    {
        var before = await LastIdAsync();
        var unknownId = Guid.NewGuid();
        using (await ErdsApi.WithToken(fixture.Provider, $"erds_{unknownId:N}_{P.Court.Token[^43..]}").Http.GetAsync("/api/v1/inbox")) { }
        using (await ErdsApi.WithToken(fixture.Provider, P.Firm.Token[..^1] + (P.Firm.Token.EndsWith('A') ? "B" : "A")).Http.GetAsync("/api/v1/inbox")) { }
        using (await ErdsApi.WithToken(fixture.Provider, null).Http.GetAsync("/api/v1/inbox")) { }

        var entries = await EntriesSinceAsync(before);
        var firm = await CredentialAsync(P.Firm);
        Assert.Equal(
            [
                (AccessActions.AuthenticationFailed, 401, (Guid?)null, (Guid?)unknownId, "unknown credential"),
                (AccessActions.AuthenticationFailed, 401, firm.OrganisationId, firm.Id, "wrong secret"),
                (AccessActions.AuthenticationFailed, 401, null, null, "no bearer token"),
            ],
            entries.Select(e => (e.Action, e.Status!.Value, e.OrganisationId, e.CredentialId, e.Detail)));
    }

    [Fact]
    public async Task Administrators_read_their_own_organisations_log_newest_first_page_by_page()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance", "ContentConsignment");
        for (var i = 0; i < 3; i++) await fixture.Court.GetJsonAsync($"/api/v1/messages/{messageId}/evidence");
        await fixture.Firm.GetJsonAsync($"/api/v1/inbox/{messageId}/evidence");
        var (adminToken, adminId) = await P.Court.IssueTokenAsync(fixture.Provider, ApiScopes.Administer);
        var admin = ErdsApi.WithToken(fixture.Provider, adminToken);

        var first = await admin.GetJsonAsync("/api/v1/access-log?limit=2&action=evidence.list");
        var second = await admin.GetJsonAsync($"/api/v1/access-log?limit=2&action=evidence.list&cursor={first.GetProperty("nextCursor").GetString()}");
        var all = await admin.GetJsonAsync("/api/v1/access-log?limit=500");

        var firstIds = Ids(first);
        Assert.Equal(2, firstIds.Count);
        Assert.True(firstIds[0] > firstIds[1]);
        Assert.True(Ids(second).All(id => id < firstIds[1]));
        Assert.Contains("cursor=", first.GetProperty("next").GetString());
        var own = await OwnCredentialsAsync(P.Court);
        Assert.All(all.GetProperty("entries").EnumerateArray(), e => Assert.Contains(e.GetProperty("credentialId").GetGuid(), own));
        Assert.DoesNotContain(all.GetProperty("entries").EnumerateArray(), e => e.GetProperty("detail").GetString() == "as recipient");
        // Reading the log is recorded too: the second page's read is there on the next one.
        var reads = await admin.GetJsonAsync("/api/v1/access-log?action=access-log.read");
        Assert.True(reads.GetProperty("entries").GetArrayLength() >= 3);
        Assert.Equal(adminId, reads.GetProperty("entries")[0].GetProperty("credentialId").GetGuid());
    }

    [Fact]
    public async Task The_log_needs_the_administer_scope_and_shows_another_organisation_nothing_of_it()
    {
        using var plain = await fixture.Court.Http.GetAsync("/api/v1/access-log");
        Assert.Equal(HttpStatusCode.Forbidden, plain.StatusCode);
        Assert.Equal("administer", (await ErdsApi.ProblemAsync(plain)).GetProperty("requiredScope").GetString());

        await fixture.Court.GetJsonAsync("/api/v1/messages/evidence?messageId=" + Guid.NewGuid());
        var (outsiderAdmin, _) = await P.Outsider.IssueTokenAsync(fixture.Provider, ApiScopes.Administer);
        var page = await ErdsApi.WithToken(fixture.Provider, outsiderAdmin).GetJsonAsync("/api/v1/access-log?limit=500");
        var own = await OwnCredentialsAsync(P.Outsider);
        Assert.All(page.GetProperty("entries").EnumerateArray(), e => Assert.Contains(e.GetProperty("credentialId").GetGuid(), own));
    }

    [Theory]
    [InlineData("since=yesterday", "since")]
    [InlineData("action=everything", "action")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=abc", "cursor")]
    public async Task A_bad_filter_gets_a_problem_naming_it(string query, string named)
    {
        var (adminToken, _) = await P.Court.IssueTokenAsync(fixture.Provider, ApiScopes.Administer);
        using var response = await ErdsApi.WithToken(fixture.Provider, adminToken).Http.GetAsync("/api/v1/access-log?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, (await ErdsApi.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    private static List<long> Ids(JsonElement page) => page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();

    private async Task<HashSet<Guid>> OwnCredentialsAsync(Party party)
    {
        var organisationId = (await CredentialAsync(party)).OrganisationId;
        await using var scope = fixture.Provider.Database();
        return (await scope.Db.ApiCredentials.Where(c => c.OrganisationId == organisationId).Select(c => c.Id).ToListAsync()).ToHashSet();
    }

    private async Task<long> LastIdAsync()
    {
        await using var scope = fixture.Provider.Database();
        return await scope.Db.AccessLog.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private async Task<List<AccessLogEntry>> EntriesSinceAsync(long id)
    {
        await using var scope = fixture.Provider.Database();
        return await scope.Db.AccessLog.AsNoTracking().Where(e => e.Id > id).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<ApiCredential> CredentialAsync(Party party)
    {
        ApiTokens.TryParse(party.Token, out var id, out _);
        await using var scope = fixture.Provider.Database();
        return await scope.Db.ApiCredentials.AsNoTracking().SingleAsync(c => c.Id == id);
    }
}
