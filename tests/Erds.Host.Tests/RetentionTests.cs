using System.Net;
using Erds.Consignment.Retention;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

public sealed class RetentionTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task Content_is_deleted_after_handover_plus_retention_and_evidence_is_kept()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentConsignment");
        (await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content")).Dispose();
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentHandover");
        var contentDirectory = Path.Combine(fixture.Provider.DataDirectory, "content", messageId.ToString("N")[..2], messageId.ToString("N"));
        Assert.True(Directory.Exists(contentDirectory));

        await using (var scope = fixture.Provider.Database())
        {
            await scope.Get<RetentionService>().PurgeDueAsync(CancellationToken.None);
            Assert.Null(scope.Db.Messages.Single(m => m.Id == messageId).ContentDeletedAt);
        }
        fixture.Provider.Clock.Advance(TimeSpan.FromDays(31));
        await using (var scope = fixture.Provider.Database())
        {
            await scope.Get<RetentionService>().PurgeDueAsync(CancellationToken.None);
            var message = scope.Db.Messages.Single(m => m.Id == messageId);
            Assert.NotNull(message.ContentDeletedAt);
            Assert.Null(message.WrappedContentKey);
        }

        Assert.False(Directory.Exists(contentDirectory));
        using var again = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content");
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("urn:erds:problem:content-deleted", (await ErdsApi.ProblemAsync(again)).GetProperty("type").GetString());
        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance", "ContentHandover");
        Assert.All(evidence, e => EvidenceAssert.Valid(fixture.Provider, e));
    }
}
