using System.Net;
using System.Text;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// Every way a submission can be refused answers with problem+json, and once the message got an id,
// with SubmissionRejection evidence too. None leaves a half-written message behind.
public sealed class SubmissionRejectionTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task Submission_with_unknown_recipient_gets_rejection_evidence()
    {
        var submission = TestMessage.Between(P.Court, P.Firm) with { };
        submission.To[0] = "nobody@nowhere.example";
        using var response = await fixture.Court.SubmitAsync(submission);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ErdsApi.ProblemAsync(response);
        Assert.Equal("urn:erds:problem:unknown-recipient", problem.GetProperty("type").GetString());
        var messageId = problem.GetProperty("messageId").GetGuid();
        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionRejection");
        var xml = Encoding.UTF8.GetString(Assert.Single(evidence).Xml);
        Assert.Contains("http://uri.etsi.org/19522/EventReason/UnknownRecipient", xml);
        Assert.DoesNotContain("PartInfo", xml);
    }

    [Fact]
    public async Task Submission_without_content_gets_rejection_evidence()
    {
        var submission = TestMessage.Between(P.Court, P.Firm) with { Body = null, Attachments = [] };
        using var response = await fixture.Court.SubmitAsync(submission);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ErdsApi.ProblemAsync(response);
        Assert.Equal("urn:erds:problem:no-content", problem.GetProperty("type").GetString());
        await fixture.Court.WaitForEvidenceAsync(problem.GetProperty("messageId").GetGuid(), "SubmissionRejection");
    }

    [Fact]
    public async Task Submission_over_the_size_limit_gets_413_and_rejection_evidence_and_no_stored_content()
    {
        var big = new byte[TestProvider.MaxMessageBytes + 1];
        var submission = TestMessage.Between(P.Court, P.Firm) with { Attachments = [("groot.bin", "application/octet-stream", big)] };
        using var response = await fixture.Court.SubmitAsync(submission);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ErdsApi.ProblemAsync(response);
        var messageId = problem.GetProperty("messageId").GetGuid();
        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionRejection");
        Assert.Contains("R_ERDS_PolicyViolation", Encoding.UTF8.GetString(Assert.Single(evidence).Xml));
        Assert.False(Directory.Exists(Path.Combine(fixture.Provider.DataDirectory, "content", messageId.ToString("N")[..2], messageId.ToString("N"))));
    }

    [Fact]
    public async Task Submission_with_an_expiry_in_the_past_gets_rejection_evidence()
    {
        var submission = TestMessage.Between(P.Court, P.Firm) with { ExpiresAt = fixture.Provider.Clock.GetUtcNow().AddDays(-1) };
        using var response = await fixture.Court.SubmitAsync(submission);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ErdsApi.ProblemAsync(response);
        await fixture.Court.WaitForEvidenceAsync(problem.GetProperty("messageId").GetGuid(), "SubmissionRejection");
    }

    [Fact]
    public async Task Malformed_metadata_json_gets_400_without_a_message()
    {
        var before = await MessageCountAsync();
        var submission = TestMessage.Between(P.Court, P.Firm);
        using var response = await fixture.Court.SubmitAsync(submission, content: submission.ToContent("{\"from\": \"griffie"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ErdsApi.ProblemAsync(response);
        Assert.Equal("urn:erds:problem:malformed-request", problem.GetProperty("type").GetString());
        Assert.False(problem.TryGetProperty("messageId", out _));
        Assert.Equal(before, await MessageCountAsync());
    }

    [Fact]
    public async Task Metadata_without_recipients_gets_400_naming_the_field()
    {
        var submission = TestMessage.Between(P.Court, P.Firm) with { To = [] };
        using var response = await fixture.Court.SubmitAsync(submission);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("recipients", (await ErdsApi.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Broken_multipart_body_gets_400()
    {
        var content = new StringContent("--abc\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{}", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=abc");
        using var response = await fixture.Court.SubmitAsync(new TestMessage(), content: content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ErdsApi.ProblemAsync(response);
    }

    [Fact]
    public async Task Attachment_without_file_name_after_valid_metadata_gets_400_and_rejection_evidence()
    {
        var submission = TestMessage.Between(P.Court, P.Firm);
        var content = new MultipartFormDataContent
        {
            { new StringContent(submission.MetadataJson(), Encoding.UTF8, "application/json"), "metadata" },
            { new StringContent("no file name"), "attachment" },
        };
        using var response = await fixture.Court.SubmitAsync(submission, content: content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ErdsApi.ProblemAsync(response);
        await fixture.Court.WaitForEvidenceAsync(problem.GetProperty("messageId").GetGuid(), "SubmissionRejection");
    }

    [Fact]
    public async Task Attachment_file_name_with_a_control_character_gets_400_and_rejection_evidence()
    {
        var submission = TestMessage.Between(P.Court, P.Firm);
        var attachment = new StringContent("%PDF-1.7");
        // RFC 5987 encoding is how a control character gets through the header at all.
        attachment.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data")
        {
            Name = "\"attachment\"",
            FileNameStar = "dagvaarding\u001b[8m.pdf",
        };
        var content = new MultipartFormDataContent
        {
            { new StringContent(submission.MetadataJson(), Encoding.UTF8, "application/json"), "metadata" },
            attachment,
        };
        using var response = await fixture.Court.SubmitAsync(submission, content: content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ErdsApi.ProblemAsync(response);
        Assert.Equal("urn:erds:problem:malformed-request", problem.GetProperty("type").GetString());
        await fixture.Court.WaitForEvidenceAsync(problem.GetProperty("messageId").GetGuid(), "SubmissionRejection");
    }

    [Fact]
    public async Task Submission_that_is_not_multipart_gets_415()
    {
        using var response = await fixture.Court.SubmitAsync(new TestMessage(), content: new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await ErdsApi.ProblemAsync(response);
    }

    [Fact]
    public async Task Submission_without_idempotency_key_gets_400()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages") { Content = TestMessage.Between(P.Court, P.Firm).ToContent() };
        using var response = await fixture.Court.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("urn:erds:problem:idempotency-key-missing", (await ErdsApi.ProblemAsync(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Sending_from_another_organisations_mailbox_gets_403_without_a_message()
    {
        var before = await MessageCountAsync();
        using var response = await fixture.Outsider.SubmitAsync(TestMessage.Between(P.Court, P.Firm));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await ErdsApi.ProblemAsync(response);
        Assert.Equal(before, await MessageCountAsync());
    }

    [Fact]
    public async Task Submission_without_token_gets_401()
    {
        var client = fixture.Provider.CreateClient();
        using var response = await new ErdsApi(client).SubmitAsync(TestMessage.Between(P.Court, P.Firm));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Submission_with_a_forged_token_gets_401()
    {
        var client = fixture.Provider.CreateClient();
        var forged = P.Court.Token[..^4] + "AAAA";
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", forged);
        using var response = await new ErdsApi(client).SubmitAsync(TestMessage.Between(P.Court, P.Firm));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<int> MessageCountAsync()
    {
        await using var scope = fixture.Provider.Database();
        return scope.Db.Messages.Count();
    }
}
