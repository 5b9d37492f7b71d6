using System.Net;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests.Limits;

// Whether a mailbox exists is told only to a submission that is otherwise complete: a request with a
// wrong expiry or no content gets the same answer whether its recipients exist or not, so learning
// which mailboxes exist costs as much as sending to them.
public sealed class ProbingOrderTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task A_wrong_expiry_gets_the_same_answer_with_known_and_unknown_recipients()
    {
        var past = fixture.Provider.Clock.GetUtcNow().AddDays(-1);
        var known = TestMessage.Between(P.Court, P.Firm) with { ExpiresAt = past };
        var unknown = known with { To = [P.Firm.Mailbox, "niemand@advocaat.example"] };

        Assert.Equal("invalid-expiry", await RefusalAsync(known));
        Assert.Equal("invalid-expiry", await RefusalAsync(unknown));
    }

    [Fact]
    public async Task Missing_content_gets_the_same_answer_with_known_and_unknown_recipients()
    {
        var known = TestMessage.Between(P.Court, P.Firm) with { Body = null, Attachments = [] };
        var unknown = known with { To = ["niemand@advocaat.example"] };

        Assert.Equal("no-content", await RefusalAsync(known));
        Assert.Equal("no-content", await RefusalAsync(unknown));
    }

    [Fact]
    public async Task A_complete_submission_to_an_unknown_recipient_is_told_so()
    {
        var unknown = TestMessage.Between(P.Court, P.Firm) with { To = ["niemand@advocaat.example"] };

        Assert.Equal("unknown-recipient", await RefusalAsync(unknown));
    }

    private async Task<string> RefusalAsync(TestMessage submission)
    {
        using var response = await fixture.Court.SubmitAsync(submission);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return (await ErdsApi.ProblemAsync(response)).GetProperty("type").GetString()!["urn:erds:problem:".Length..];
    }
}
