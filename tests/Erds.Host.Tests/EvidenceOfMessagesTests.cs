using System.Net;
using System.Text.Json;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// GET /api/v1/messages/evidence: the evidence lists of several messages in one request, for systems
// that follow many messages. Each list is the one the per-message endpoint gives; a stranger's
// message is answered exactly like an unknown one.
public sealed class EvidenceOfMessagesTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task Each_own_message_gets_its_evidence_list_and_foreign_or_unknown_ids_are_not_found()
    {
        var first = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        var second = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        var foreign = await fixture.Outsider.SubmitAcceptedAsync(TestMessage.Between(P.Outsider, P.Firm));
        // Everything the messages get without a retrieval, so that the lists no longer change.
        string[] chain = ["SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification"];
        await fixture.Court.WaitForEvidenceAsync(first, chain);
        await fixture.Court.WaitForEvidenceAsync(second, chain);
        await fixture.Outsider.WaitForEvidenceAsync(foreign, "SubmissionAcceptance");
        var unknown = Guid.NewGuid();

        var answer = await fixture.Court.GetJsonAsync($"/api/v1/messages/evidence?messageId={second}&messageId={foreign}&messageId={first}&messageId={unknown}&messageId={second}");

        var messages = answer.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal([second, first], messages.Select(m => m.GetProperty("messageId").GetGuid()));
        foreach (var message in messages)
        {
            var id = message.GetProperty("messageId").GetGuid();
            var single = await fixture.Court.GetJsonAsync($"/api/v1/messages/{id}/evidence");
            var batched = message.GetProperty("evidence").EnumerateArray().Select(e => e.GetRawText()).ToList();
            Assert.Equal(chain.Length, batched.Count);
            Assert.Equal(single.EnumerateArray().Select(e => e.GetRawText()), batched);
        }
        Assert.Equal([foreign, unknown], answer.GetProperty("notFound").EnumerateArray().Select(e => e.GetGuid()));
        Assert.DoesNotContain(foreign.ToString(), answer.GetProperty("messages").GetRawText());
    }

    [Theory]
    [InlineData("", "messageId")]
    [InlineData("?messageId=not-a-uuid", "'not-a-uuid'")]
    [InlineData("?messageId=", "''")]
    [InlineData("?messageId=0123456789012345678901234567890123456789-and-much-more", "'0123456789012345678901234567890123456789…'")]
    public async Task A_request_without_usable_message_ids_gets_a_problem_that_says_why(string query, string detailMentions)
    {
        using var response = await fixture.Court.Http.GetAsync($"/api/v1/messages/evidence{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ErdsApi.ProblemAsync(response);
        Assert.Contains(detailMentions, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task More_than_a_hundred_messages_in_one_request_are_refused()
    {
        var query = string.Join('&', Enumerable.Range(0, 101).Select(_ => $"messageId={Guid.NewGuid()}"));

        using var response = await fixture.Court.Http.GetAsync($"/api/v1/messages/evidence?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("At most 100", (await ErdsApi.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Only_the_caller_with_credentials_may_ask()
    {
        using var anonymous = fixture.Provider.CreateClient();

        using var response = await anonymous.GetAsync($"/api/v1/messages/evidence?messageId={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
