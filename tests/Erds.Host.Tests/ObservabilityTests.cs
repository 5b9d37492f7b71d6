using System.Net;
using System.Text.Json;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

public sealed class ObservabilityTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private static readonly HttpClient Scraper = new();

    // Metrics say how busy the service is and with whom: not for whoever reaches the API.
    [Fact]
    public async Task The_api_port_does_not_serve_metrics_its_own_listener_does()
    {
        using var api = await fixture.Provider.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await api.Content.ReadAsStringAsync());

        using var metrics = await Scraper.GetAsync(new Uri(fixture.Provider.MetricsAddress, "/metrics"));
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("# TYPE ", await metrics.Content.ReadAsStringAsync());
        using var other = await Scraper.GetAsync(new Uri(fixture.Provider.MetricsAddress, "/api/v1/messages"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public void Metrics_listen_on_loopback_unless_configured_otherwise()
    {
        var url = new Uri(new Erds.ServiceDefaults.Metrics.MetricsOptions().Url!);
        Assert.True(System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(url.Host)), url.ToString());
        Assert.Equal("127.0.0.1", fixture.Provider.MetricsAddress.Host);
    }

    [Fact]
    public async Task Readiness_covers_the_database_and_the_bus()
    {
        using var response = await fixture.Provider.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("database", checks);
        Assert.Contains("evidence", checks);
        Assert.Contains(checks, name => name!.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
        using var live = await fixture.Provider.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Metrics_show_submissions_evidence_and_outbox_delay_for_prometheus()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(fixture.Parties.Court, fixture.Parties.Firm));
        await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance");

        var text = "";
        for (var attempt = 0; attempt < 50 && !text.Contains("erds_evidence_issued"); attempt++)
        {
            text = await Scraper.GetStringAsync(new Uri(fixture.Provider.MetricsAddress, "/metrics"));
            await Task.Delay(100);
        }
        Assert.Contains("erds_messages_submitted", text);
        Assert.Contains("outcome=\"accepted\"", text);
        Assert.Contains("erds_evidence_issued", text);
        Assert.Contains("event=\"SubmissionAcceptance\"", text);
        Assert.Contains("erds_evidence_seal_duration", text);
        Assert.Contains("erds_outbox_delay", text);
        Assert.Contains("http_server_request_duration", text);
    }
}
