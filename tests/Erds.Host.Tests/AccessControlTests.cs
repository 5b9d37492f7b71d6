using System.Net;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// An organisation sees only its own messages; a recipient only what was addressed to it. A stranger's
// message looks exactly like one that does not exist.
public sealed class AccessControlTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task Another_organisation_gets_404_for_message_evidence_and_content_and_learns_nothing()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance", "ContentConsignment");
        var evidenceId = evidence[0].EvidenceId;

        string[] paths =
        [
            $"/api/v1/messages/{messageId}",
            $"/api/v1/messages/{messageId}/evidence",
            $"/api/v1/messages/{messageId}/evidence/{evidenceId}",
            $"/api/v1/inbox/{messageId}",
            $"/api/v1/inbox/{messageId}/content",
            $"/api/v1/inbox/{messageId}/evidence",
            $"/api/v1/inbox/{messageId}/parts/body",
        ];
        foreach (var path in paths)
        {
            using var response = await fixture.Outsider.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Dagvaarding", body);
            Assert.DoesNotContain(P.Court.Mailbox, body);
        }
        using var accept = await fixture.Outsider.Http.PostAsync($"/api/v1/inbox/{messageId}/accept", null);
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);

        var unknown = Guid.NewGuid();
        using var missing = await fixture.Outsider.Http.GetAsync($"/api/v1/messages/{unknown}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var hidden = await fixture.Outsider.Http.GetAsync($"/api/v1/messages/{messageId}");
        var (a, b) = (await ErdsApi.ProblemAsync(missing), await ErdsApi.ProblemAsync(hidden));
        foreach (var field in new[] { "type", "title", "status", "detail" })
        {
            Assert.Equal(a.GetProperty(field).ToString(), b.GetProperty(field).ToString());
        }
    }

    [Fact]
    public async Task Lists_show_only_what_belongs_to_the_caller()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentConsignment");

        var outsiderSent = await fixture.Outsider.GetJsonAsync("/api/v1/messages");
        var outsiderInbox = await fixture.Outsider.GetJsonAsync("/api/v1/inbox");
        var firmInbox = await fixture.Firm.GetJsonAsync("/api/v1/inbox");

        Assert.DoesNotContain(outsiderSent.EnumerateArray(), m => m.GetProperty("messageId").GetGuid() == messageId);
        Assert.DoesNotContain(outsiderInbox.EnumerateArray(), m => m.GetProperty("messageId").GetGuid() == messageId);
        Assert.Contains(firmInbox.EnumerateArray(), m => m.GetProperty("messageId").GetGuid() == messageId);
    }

    [Fact]
    public async Task The_recipient_cannot_read_the_senders_view_of_the_message()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        using var response = await fixture.Firm.Http.GetAsync($"/api/v1/messages/{messageId}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
