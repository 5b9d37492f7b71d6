using System.Net;
using System.Security.Cryptography;
using Erds.Contracts;
using Erds.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Host.Tests;

public sealed class DeliveryFlowTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task Basic_message_with_two_attachments_is_consigned_notified_and_handed_over_with_evidence_for_each_step()
    {
        var submission = TestMessage.Between(P.Court, P.Firm);
        var messageId = await fixture.Court.SubmitAcceptedAsync(submission);
        await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification");

        var inbox = await fixture.Firm.GetJsonAsync("/api/v1/inbox");
        Assert.Contains(inbox.EnumerateArray(), m => m.GetProperty("messageId").GetGuid() == messageId && m.GetProperty("status").GetString() == "Consigned");

        using var response = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parts = await ContentResponse.ReadAsync(response);
        Assert.Equal(["body", "attachment-1", "attachment-2"], parts.Select(p => p.PartId));
        Assert.Equal(submission.Body, parts[0].Bytes);
        Assert.Equal(submission.Attachments[0].Bytes, parts[1].Bytes);
        Assert.Equal("dagvaarding.pdf", parts[1].FileName);
        Assert.Equal(submission.Attachments[1].Bytes, parts[2].Bytes);
        Assert.All(parts, p => Assert.Equal(p.StatedSha256, p.ActualSha256));

        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "ContentHandover");
        Assert.Equal(["SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification", "ContentHandover"], evidence.Select(e => e.Event));
        foreach (var file in evidence)
        {
            var report = EvidenceAssert.Valid(fixture.Provider, file);
            var document = report.Evidence!;
            Assert.Equal(messageId.ToString(), document.MessageIdentifier);
            // The sender address is the one given, letter for letter.
            Assert.Equal("Griffie@Rechtbank.example", document.Sender.Identifier);
            Assert.Contains(document.Sender.Identity, a => a.Name == "LegalName" && a.Value == "Rechtbank Amsterdam");
            // The recipient is named by its organisation's legal name, found through its mailbox.
            Assert.Contains(document.Recipients.Single().Identity, a => a.Name == "LegalName" && a.Value == "Advocatenkantoor De Vries");
            // The clerk whose token was used acted for the functional mailbox, and is the one who authenticated.
            Assert.Equal("clerk@rechtbank.example", document.SenderDelegate!.Identifier);
            Assert.Null(document.Sender.Authentication);
            Assert.Equal("urn:erds:authn:api-token", document.SenderDelegate.Authentication!.Method);
            Assert.Equal("http://eidas.europa.eu/LoA/substantial", document.SenderDelegate.Authentication.AssuranceLevel);
            Assert.Equal(parts.Select(p => p.PartId), document.ContentParts.Select(c => c.Identifier));
            Assert.Equal(parts.Select(p => p.ActualSha256), document.ContentParts.Select(c => Convert.ToHexStringLower(c.Sha256)));
        }
        var handover = evidence.Single(e => e.Event == "ContentHandover");
        var handoverDocument = EvidenceAssert.Valid(fixture.Provider, handover).Evidence!;
        Assert.Equal(1, handoverDocument.RefersToRecipient);
        Assert.NotNull(handoverDocument.Recipients[0].Authentication);

        // Only the evidence another service waits for is announced: SubmissionAcceptance starts consignment.
        await using var scope = fixture.Provider.Database();
        var announced = await scope.Db.Outbox.AsNoTracking()
            .Where(o => o.MessageType == typeof(EvidenceIssued).FullName && o.Body.Contains(messageId.ToString()))
            .Select(o => o.Body).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains("SubmissionAcceptance", Assert.Single(announced));
    }

    [Fact]
    public async Task Sender_sees_status_parts_and_a_timeline_with_evidence_ids()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        // Both: the two events are announced apart, and either evidence may be issued first.
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentConsignment", "ConsignmentNotification");

        var message = await fixture.Court.GetJsonAsync($"/api/v1/messages/{messageId}");
        Assert.Equal("Accepted", message.GetProperty("status").GetString());
        Assert.Equal("Consigned", message.GetProperty("recipients")[0].GetProperty("status").GetString());
        Assert.Equal(3, message.GetProperty("parts").GetArrayLength());
        var timeline = message.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification"], timeline.Select(t => t.GetProperty("event").GetString()));
        Assert.All(timeline, t => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, t.GetProperty("evidenceId").ValueKind));
    }

    [Fact]
    public async Task Evidence_is_served_byte_for_byte_as_stored()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        var served = (await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance")).Single(e => e.Event == "SubmissionAcceptance");
        await using var scope = fixture.Provider.Database();
        var stored = scope.Db.Evidence.Single(e => e.Id == served.EvidenceId);
        Assert.Equal(stored.Xml, served.Xml);
        Assert.Equal(stored.Sha256, SHA256.HashData(served.Xml));
    }

    [Fact]
    public async Task A_second_retrieval_gives_the_content_again_without_a_second_handover()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentConsignment");
        (await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content")).Dispose();
        using var again = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var part = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/parts/attachment-1");
        Assert.Equal(HttpStatusCode.OK, part.StatusCode);

        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentHandover");
        await using var scope = fixture.Provider.Database();
        Assert.Equal(1, scope.Db.Evidence.Count(e => e.MessageId == messageId && e.EventName == "ContentHandover"));
    }

    [Fact]
    public async Task Notification_is_written_to_the_pickup_folder_without_subject_or_content()
    {
        var submission = TestMessage.Between(P.Court, P.Firm) with { Subject = "Vertrouwelijk: strafzaak" };
        var messageId = await fixture.Court.SubmitAcceptedAsync(submission);
        await fixture.Court.WaitForEvidenceAsync(messageId, "ConsignmentNotification");

        var file = Assert.Single(Directory.GetFiles(fixture.Provider.PickupDirectory, $"{messageId:N}-*.eml"));
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("To: kantoor@advocaat.example", text);
        Assert.Contains(messageId.ToString(), text);
        Assert.DoesNotContain("Vertrouwelijk", text);
        Assert.DoesNotContain("dagvaarding.pdf", text);
        Assert.DoesNotContain("bijgaand de dagvaarding", text);
    }
}
