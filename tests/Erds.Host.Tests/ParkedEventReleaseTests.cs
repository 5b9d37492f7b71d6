using System.Text.Json;
using Erds.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Host.Tests;

// What an operator does with parked events: sees them and why with `erds faults parked`, mends what
// they recorded, and releases them with `erds faults release`; the evidence is then issued and the
// message goes on as if nothing had happened.
public sealed class ParkedEventReleaseTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task An_operator_lists_parked_events_mends_the_data_and_releases_them_and_the_chain_completes()
    {
        await SetOutsiderLegalNameAsync("Derde\u0001Partij B.V.");
        var messages = new List<Guid>();
        for (var i = 0; i < 3; i++) messages.Add(await fixture.Outsider.SubmitAcceptedAsync(TestMessage.Between(P.Outsider, P.Firm)));
        var parked = await WaitForParkedAsync(messages.Count);

        var (listed, listing) = await Cli.RunAsync("faults", "parked", "--data-dir", fixture.Provider.DataDirectory);
        Assert.Equal(0, listed);
        foreach (var id in parked) Assert.Contains(id.ToString(), listing);
        Assert.Contains("Sender.Identity[0].Value contains U+0001", listing);
        Assert.Contains("3 parked delivery event(s)", listing);
        Assert.Equal("Degraded", await ReadinessAsync());

        var (refused, why) = await Cli.RunAsync("faults", "release", Guid.NewGuid().ToString(), "--data-dir", fixture.Provider.DataDirectory);
        Assert.Equal(1, refused);
        Assert.Contains("Not parked", why);

        await SetOutsiderLegalNameAsync("Derde Partij B.V.");
        var (released, answer) = await Cli.RunAsync("faults", "release", "--all", "--data-dir", fixture.Provider.DataDirectory);
        Assert.Equal(0, released);
        Assert.Contains("released 3 delivery event(s)", answer);

        foreach (var messageId in messages)
        {
            var chain = await fixture.Outsider.WaitForEvidenceAsync(messageId, "SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification");
            foreach (var file in chain) EvidenceAssert.Valid(fixture.Provider, file);
        }
        Assert.Equal("Healthy", await ReadinessAsync());
    }

    private async Task SetOutsiderLegalNameAsync(string legalName)
    {
        await using var scope = fixture.Provider.Database();
        (await scope.Db.Organisations.SingleAsync(o => o.Handle == P.Outsider.Handle)).LegalName = legalName;
        await scope.Db.SaveChangesAsync();
    }

    private async Task<List<Guid>> WaitForParkedAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var scope = fixture.Provider.Database();
            var parked = await scope.Db.ParkedDeliveryEvents.Select(p => p.DeliveryEventId).ToListAsync();
            if (parked.Count >= count) return parked;
            Assert.True(DateTime.UtcNow < deadline, $"{parked.Count} of {count} events parked after a minute.");
            await Task.Delay(100);
        }
    }

    private async Task<string?> ReadinessAsync()
    {
        using var report = JsonDocument.Parse(await fixture.Provider.CreateClient().GetStringAsync("/health/ready"));
        return report.RootElement.GetProperty("status").GetString();
    }
}
