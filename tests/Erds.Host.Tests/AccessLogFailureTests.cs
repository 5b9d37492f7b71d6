using System.Net;
using Erds.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Host.Tests;

// An access that cannot be recorded is not served: with the access log unwritable, evidence and
// content requests fail, and no content goes out (so no handover is recorded either).
public sealed class AccessLogFailureTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task Without_a_record_no_evidence_and_no_content_is_served()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(fixture.Parties.Court, fixture.Parties.Firm));
        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance", "ContentConsignment");
        await using (var scope = fixture.Provider.Database())
        {
            // Past the application's own guards on purpose: the database refuses every insert.
            await scope.Db.Database.ExecuteSqlRawAsync("ALTER TABLE AccessLog RENAME TO AccessLogUnavailable");
        }

        using var one = await fixture.Court.Http.GetAsync($"/api/v1/messages/{messageId}/evidence/{evidence[0].EvidenceId}");
        using var content = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content");

        Assert.Equal(HttpStatusCode.InternalServerError, one.StatusCode);
        Assert.DoesNotContain("<", await one.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, content.StatusCode);
        Assert.DoesNotContain("Geachte", await content.Content.ReadAsStringAsync());
        await using (var scope = fixture.Provider.Database())
        {
            Assert.False(await scope.Db.DeliveryEvents.AnyAsync(e => e.MessageId == messageId && e.EventName == "ContentHandover"));
        }
    }
}
