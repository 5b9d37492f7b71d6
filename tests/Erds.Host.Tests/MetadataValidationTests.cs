using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// Text that evidence could not carry, or headers could be abused with, is refused at the door.
public sealed class MetadataValidationTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Theory]
    [InlineData("{\"from\":\"{FROM}\",\"recipients\":[null]}", "identifier")]
    [InlineData("{\"from\":\"{FROM}\",\"recipients\":\"x\"}", "metadata")]
    [InlineData("{\"from\":\"{FROM}\",\"recipients\":[{\"identifier\":\"{TO}\"}],\"expiresAt\":\"tomorrow\"}", "metadata")]
    [InlineData("{\"from\":\"{FROM}\",\"recipients\":[{\"identifier\":\"{TO}\"}],\"subject\":\"a\\u0001b\"}", "subject")]
    [InlineData("{\"from\":\"{FROM}\",\"recipients\":[{\"identifier\":\"{TO}\"}],\"senderReference\":\"C/13\\u0001\"}", "senderReference")]
    [InlineData("{\"from\":\"{FROM}\",\"recipients\":[{\"identifier\":\"nobody\\u0001@x.example\"}]}", "Recipient")]
    [InlineData("{\"from\":\"{FROM}\",\"recipients\":[{\"identifier\":\"{TO}\"},{\"identifier\":\"{TO_UPPER}\"}]}", "twice")]
    [InlineData("{\"from\":\"{FROM}\",\"recipients\":[{\"identifier\":\"{TO}\"}],\"consignmentMode\":\"registered\"}", "consignmentMode")]
    public async Task Invalid_metadata_gets_400_naming_the_problem_and_creates_no_message(string json, string named)
    {
        var metadata = json.Replace("{FROM}", P.Court.Mailbox).Replace("{TO_UPPER}", P.Firm.Mailbox.ToUpperInvariant()).Replace("{TO}", P.Firm.Mailbox);
        var submission = TestMessage.Between(P.Court, P.Firm);
        using var response = await fixture.Court.SubmitAsync(submission, content: submission.ToContent(metadata));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ErdsApi.ProblemAsync(response);
        Assert.Contains(named, problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("messageId", out _));
    }

    [Fact]
    public async Task A_part_content_type_with_a_line_break_is_refused_with_rejection_evidence()
    {
        var submission = TestMessage.Between(P.Court, P.Firm);
        var content = new MultipartFormDataContent
        {
            { new StringContent(submission.MetadataJson(), Encoding.UTF8, "application/json"), "metadata" },
        };
        var part = new ByteArrayContent("%PDF"u8.ToArray());
        part.Headers.TryAddWithoutValidation("Content-Type", "application/pdf\nX-Evil: 1");
        content.Add(part, "attachment", "a.pdf");
        using var response = await fixture.Court.SubmitAsync(submission, content: content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ErdsApi.ProblemAsync(response);
        Assert.Contains("Content-Type", problem.GetProperty("detail").GetString());
        await fixture.Court.WaitForEvidenceAsync(problem.GetProperty("messageId").GetGuid(), "SubmissionRejection");
    }

    [Fact]
    public async Task A_part_content_type_is_stored_in_its_normalised_form()
    {
        var submission = TestMessage.Between(P.Court, P.Firm) with { Body = null, Attachments = [("a.pdf", "Application/PDF", "%PDF"u8.ToArray())] };
        var messageId = await fixture.Court.SubmitAcceptedAsync(submission);
        var message = await fixture.Court.GetJsonAsync($"/api/v1/messages/{messageId}");
        Assert.Equal("Application/PDF", message.GetProperty("parts")[0].GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task A_look_alike_address_does_not_reach_a_real_mailbox()
    {
        // U+212A KELVIN SIGN lower-cases to 'k' under Unicode rules: "Kantoor" must not become "kantoor".
        var submission = TestMessage.Between(P.Court, P.Firm) with { To = ["\u212Aantoor@advocaat.example"] };
        using var response = await fixture.Court.SubmitAsync(submission);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("urn:erds:problem:unknown-recipient", (await ErdsApi.ProblemAsync(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_refusal_reason_with_control_characters_is_refused()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm) with { Mode = "consent" });
        await fixture.Court.WaitForEvidenceAsync(messageId, "NotificationForAcceptance");
        using var refuse = await fixture.Firm.Http.PostAsync($"/api/v1/inbox/{messageId}/refuse",
            new StringContent("{\"reason\":\"nee\\u0007\"}", Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
        Assert.Equal(HttpStatusCode.BadRequest, refuse.StatusCode);
    }
}
