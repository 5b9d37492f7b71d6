using System.Net;
using System.Net.Http.Json;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

public sealed class ConsentModeTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task Content_stays_closed_until_the_recipient_accepts()
    {
        var messageId = await SubmitConsentAsync();

        var view = await fixture.Firm.GetJsonAsync($"/api/v1/inbox/{messageId}");
        Assert.Equal("AwaitingAcceptance", view.GetProperty("message").GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("parts").ValueKind);
        using var content = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content");
        Assert.Equal(HttpStatusCode.Conflict, content.StatusCode);
        Assert.Equal("urn:erds:problem:content-not-available", (await ErdsApi.ProblemAsync(content)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Accepting_records_acceptance_and_consignment_and_retrieval_the_handover()
    {
        var messageId = await SubmitConsentAsync();
        using var accept = await fixture.Firm.Http.PostAsync($"/api/v1/inbox/{messageId}/accept", null);
        Assert.Equal(HttpStatusCode.NoContent, accept.StatusCode);
        using var content = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content");
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        await ContentResponse.ReadAsync(content);

        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId,
            "SubmissionAcceptance", "NotificationForAcceptance", "ConsignmentAcceptance", "ContentConsignment", "ContentHandover");
        foreach (var file in evidence) EvidenceAssert.Valid(fixture.Provider, file);
        var acceptance = EvidenceAssert.Valid(fixture.Provider, evidence.Single(e => e.Event == "ConsignmentAcceptance")).Evidence!;
        Assert.Equal("urn:erds:authn:api-token", acceptance.Recipients[0].Authentication!.Method);
        Assert.Equal("http://eidas.europa.eu/LoA/substantial", acceptance.Recipients[0].Authentication!.AssuranceLevel);
    }

    [Fact]
    public async Task Refusing_records_consignment_rejection_with_the_reason_and_closes_the_content()
    {
        var messageId = await SubmitConsentAsync();
        using var refuse = await fixture.Firm.Http.PostAsJsonAsync($"/api/v1/inbox/{messageId}/refuse", new { reason = "Niet bevoegd" });
        Assert.Equal(HttpStatusCode.NoContent, refuse.StatusCode);

        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "ConsignmentRejection");
        var rejection = EvidenceAssert.Valid(fixture.Provider, evidence.Single(e => e.Event == "ConsignmentRejection")).Evidence!;
        Assert.Equal("Niet bevoegd", Assert.Single(rejection.Reasons).Details);
        using var content = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content");
        Assert.Equal(HttpStatusCode.Conflict, content.StatusCode);
        using var lateAccept = await fixture.Firm.Http.PostAsync($"/api/v1/inbox/{messageId}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, lateAccept.StatusCode);
    }

    [Fact]
    public async Task Accepting_a_basic_mode_message_is_refused()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentConsignment");
        using var accept = await fixture.Firm.Http.PostAsync($"/api/v1/inbox/{messageId}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.Equal("urn:erds:problem:no-decision-pending", (await ErdsApi.ProblemAsync(accept)).GetProperty("type").GetString());
    }

    private async Task<Guid> SubmitConsentAsync()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm) with { Mode = "consent" });
        await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance", "NotificationForAcceptance");
        return messageId;
    }
}
