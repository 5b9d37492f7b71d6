using System.Net;
using Erds.Consignment.Expire;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// Time is the provider's injected clock: the test moves it past the deadline and runs the expiry scan.
public sealed class ExpiryTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task Unretrieved_content_ends_in_content_handover_failure_and_consent_without_answer_in_acceptance_rejection_expiry()
    {
        var clock = fixture.Provider.Clock;
        var deadline = clock.GetUtcNow().AddDays(2);
        var basic = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm) with { ExpiresAt = deadline });
        var consent = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm) with { ExpiresAt = deadline, Mode = "consent" });
        await fixture.Court.WaitForEvidenceAsync(basic, "ConsignmentNotification");
        await fixture.Court.WaitForEvidenceAsync(consent, "NotificationForAcceptance");

        await using (var scope = fixture.Provider.Database())
        {
            Assert.Equal(0, await scope.Get<ExpiryService>().ExpireDueAsync(CancellationToken.None));
        }
        clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromSeconds(1));
        using (var late = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{basic}/content"))
        {
            Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        }
        // The expiry monitor wakes on the same clock and may get there first: together they expire both, once.
        await using (var scope = fixture.Provider.Database())
        {
            await scope.Get<ExpiryService>().ExpireDueAsync(CancellationToken.None);
        }

        var basicEvidence = await fixture.Court.WaitForEvidenceAsync(basic, "ContentHandoverFailure");
        var consentEvidence = await fixture.Court.WaitForEvidenceAsync(consent, "AcceptanceRejectionExpiry");
        var failure = EvidenceAssert.Valid(fixture.Provider, basicEvidence.Single(e => e.Event == "ContentHandoverFailure")).Evidence!;
        Assert.Contains("Expired", Assert.Single(failure.Reasons).Code);
        EvidenceAssert.Valid(fixture.Provider, consentEvidence.Single(e => e.Event == "AcceptanceRejectionExpiry"));
        using var lateAccept = await fixture.Firm.Http.PostAsync($"/api/v1/inbox/{consent}/accept", null);
        Assert.Equal(HttpStatusCode.Gone, lateAccept.StatusCode);
        await using (var scope = fixture.Provider.Database())
        {
            Assert.Equal(0, await scope.Get<ExpiryService>().ExpireDueAsync(CancellationToken.None));
            Assert.Equal(1, scope.Db.Evidence.Count(e => e.MessageId == basic && e.EventName == "ContentHandoverFailure"));
            Assert.Equal(1, scope.Db.Evidence.Count(e => e.MessageId == consent && e.EventName == "AcceptanceRejectionExpiry"));
        }
    }
}
