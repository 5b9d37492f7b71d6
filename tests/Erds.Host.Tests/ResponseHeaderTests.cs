using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// Content is the sender's bytes under the sender's media type: a browser must not sniff another type
// or run what it renders, and no cache may keep it. Authentication is asked for before anything else.
public sealed class ResponseHeaderTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task Sender_html_is_served_with_nosniff_a_sandbox_and_no_store()
    {
        var submission = TestMessage.Between(P.Court, P.Firm) with
        {
            Body = null,
            Attachments = [("brief.html", "text/html", Encoding.UTF8.GetBytes("<script>alert(document.cookie)</script>"))],
        };
        var messageId = await fixture.Court.SubmitAcceptedAsync(submission);
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentConsignment", "ConsignmentNotification");
        var part = (await fixture.Firm.GetJsonAsync($"/api/v1/inbox/{messageId}")).GetProperty("parts")[0].GetProperty("partId").GetString();
        using (var handover = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content"))
        {
            Assert.Equal(HttpStatusCode.OK, handover.StatusCode);
            Assert.Equal("nosniff", Assert.Single(handover.Headers.GetValues("X-Content-Type-Options")));
        }

        // One part alone is served under the sender's own media type.
        using var response = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/parts/{part}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task An_unauthenticated_post_that_is_not_multipart_gets_401_not_415()
    {
        var anonymous = ErdsApi.WithToken(fixture.Provider, null);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await anonymous.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
