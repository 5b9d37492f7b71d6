using System.Net;
using System.Net.Sockets;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

public sealed class UnreachableMailServerFixture() : ProviderFixtureBase(new TestProvider
{
    Settings = new Dictionary<string, string>
    {
        ["Erds:Notification:SmtpHost"] = "127.0.0.1",
        ["Erds:Notification:SmtpPort"] = ClosedPort().ToString(),
        ["Erds:Notification:SmtpSecurity"] = "None",
    },
})
{
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

// A notification the mail system does not take is proven as such; the content stays available.
public sealed class NotificationFailureTests(UnreachableMailServerFixture fixture) : IClassFixture<UnreachableMailServerFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task An_unreachable_mail_server_gives_consignment_notification_failure_evidence()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "ContentConsignment", "ConsignmentNotificationFailure");
        var failure = EvidenceAssert.Valid(fixture.Provider, evidence.Single(e => e.Event == "ConsignmentNotificationFailure")).Evidence!;
        Assert.Equal("http://uri.etsi.org/19522/EventReason/R_ERDS_Unreachable", Assert.Single(failure.Reasons).Code);
        Assert.DoesNotContain(evidence, e => e.Event == "ConsignmentNotification");

        using var content = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content");
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_mail_server_in_consent_mode_gives_notification_for_acceptance_failure_evidence()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm) with { Mode = "consent" });
        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "NotificationForAcceptanceFailure");
        EvidenceAssert.Valid(fixture.Provider, evidence.Single(e => e.Event == "NotificationForAcceptanceFailure"));
    }
}
