using System.Net;
using System.Text;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

public sealed class IdempotencyTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task Replay_with_the_same_key_returns_the_first_answer_and_sends_nothing_twice()
    {
        var submission = TestMessage.Between(P.Court, P.Firm);
        var key = "retry-" + Guid.NewGuid();
        using var first = await fixture.Court.SubmitAsync(submission, key);
        // A retry builds a new multipart body (new boundary): the same request all the same.
        using var second = await fixture.Court.SubmitAsync(submission, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await using var scope = fixture.Provider.Database();
        Assert.Equal(1, scope.Db.IdempotencyRecords.Count(r => r.Key == key));
        var messageId = Guid.Parse(first.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(1, scope.Db.Messages.Count(m => m.Id == messageId));
    }

    [Fact]
    public async Task Same_key_with_another_body_gets_422()
    {
        var key = "reuse-" + Guid.NewGuid();
        using var first = await fixture.Court.SubmitAsync(TestMessage.Between(P.Court, P.Firm), key);
        using var second = await fixture.Court.SubmitAsync(TestMessage.Between(P.Court, P.Firm), key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("urn:erds:problem:idempotency-key-reused", (await ErdsApi.ProblemAsync(second)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Replay_of_a_rejected_submission_returns_the_same_rejection_without_new_evidence()
    {
        var submission = TestMessage.Between(P.Court, P.Firm) with { To = ["onbekend@nergens.example"] };
        var key = "rejected-" + Guid.NewGuid();
        using var first = await fixture.Court.SubmitAsync(submission, key);
        using var second = await fixture.Court.SubmitAsync(submission, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var messageId = (await ErdsApi.ProblemAsync(second)).GetProperty("messageId").GetGuid();
        await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionRejection");
        await using var scope = fixture.Provider.Database();
        Assert.Equal(1, scope.Db.Evidence.Count(e => e.MessageId == messageId));
    }

    [Fact]
    public async Task The_same_key_in_two_organisations_means_two_messages()
    {
        var key = "shared-" + Guid.NewGuid();
        using var court = await fixture.Court.SubmitAsync(TestMessage.Between(P.Court, P.Firm), key);
        using var firm = await fixture.Firm.SubmitAsync(TestMessage.Between(P.Firm, P.Court), key);

        Assert.Equal(HttpStatusCode.Accepted, court.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, firm.StatusCode);
        Assert.NotEqual(court.Headers.Location, firm.Headers.Location);
    }

    [Fact]
    public async Task An_idempotency_key_with_control_characters_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages") { Content = TestMessage.Between(P.Court, P.Firm).ToContent() };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "a b");
        using var response = await fixture.Court.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", (await ErdsApi.ProblemAsync(response)).GetProperty("detail").GetString());
    }
}
