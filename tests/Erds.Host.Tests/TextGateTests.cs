using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// The API's door applies EvidenceText's rules: what could forge what a person reads in evidence or a
// message view (bidirectional controls, line separators, noncharacters) is refused, naming the
// character; long file names are shortened without cutting a character in two.
public sealed class TextGateTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Theory]
    [InlineData("subject", "factuur\u202Efdp.exe", "U+202E")]
    [InlineData("subject", "regel een\u2028regel twee", "U+2028")]
    [InlineData("subject", "zaak \u2066C/13\u2069", "U+2066")]
    [InlineData("senderReference", "C/13\u200F/123", "U+200F")]
    [InlineData("senderReference", "C/13\uFDD0", "U+FDD0")]
    [InlineData("subject", "zaak\uFEFF C/13", "U+FEFF")]
    public async Task Metadata_text_that_could_forge_what_people_read_gets_400_naming_the_character(string field, string value, string named)
    {
        var metadata = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["from"] = P.Court.Mailbox,
            ["recipients"] = new[] { new { identifier = P.Firm.Mailbox } },
            [field] = value,
        });
        var submission = TestMessage.Between(P.Court, P.Firm);
        using var response = await fixture.Court.SubmitAsync(submission, content: submission.ToContent(metadata));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await ErdsApi.ProblemAsync(response)).GetProperty("detail").GetString();
        Assert.Contains($"'{field}' contains {named}", detail);
    }

    [Theory]
    [InlineData("factuur\u202Efdp.exe", "U+202E")]
    [InlineData("brief\u2028.pdf", "U+2028")]
    public async Task A_file_name_that_could_forge_what_the_recipient_reads_is_refused_with_rejection_evidence(string fileName, string named)
    {
        var submission = TestMessage.Between(P.Court, P.Firm) with { Attachments = [] };
        var content = submission.ToContent();
        var part = new ByteArrayContent("%PDF"u8.ToArray());
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"attachment\"", FileNameStar = fileName };
        content.Add(part);

        using var response = await fixture.Court.SubmitAsync(submission, content: content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ErdsApi.ProblemAsync(response);
        Assert.Contains($"file name contains {named}", problem.GetProperty("detail").GetString());
        var evidence = await fixture.Court.WaitForEvidenceAsync(problem.GetProperty("messageId").GetGuid(), "SubmissionRejection");
        Assert.Contains(named, Encoding.UTF8.GetString(Assert.Single(evidence).Xml));
    }

    [Fact]
    public async Task A_long_file_name_is_shortened_without_cutting_a_character_in_two()
    {
        var name = new string('a', 254) + "\U0001F4C4" + "b.pdf";
        var submission = TestMessage.Between(P.Court, P.Firm) with { Attachments = [] };
        var content = submission.ToContent();
        var part = new ByteArrayContent("%PDF"u8.ToArray());
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"attachment\"", FileNameStar = name };
        content.Add(part);
        using var response = await fixture.Court.SubmitAsync(submission, content: content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var messageId = JsonDocument.Parse(body).RootElement.GetProperty("messageId").GetGuid();

        var message = await fixture.Court.GetJsonAsync($"/api/v1/messages/{messageId}");

        var stored = message.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("partId").GetString() != "body").GetProperty("fileName").GetString();
        Assert.Equal(new string('a', 254), stored);
        await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance");
    }
}
