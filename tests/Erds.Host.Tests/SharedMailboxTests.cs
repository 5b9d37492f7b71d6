using System.Net;
using Erds.Host.Tests.Support;
using Erds.Persistence.Entities;
using Xunit;

namespace Erds.Host.Tests;

// A message addressed to two mailboxes of one organisation is two deliveries. The recipient names the
// mailbox it acts for with ?mailbox=; without it the inbox cannot tell which delivery is meant.
public sealed class SharedMailboxTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task Two_mailboxes_of_the_recipient_need_the_mailbox_named_and_each_is_handed_over_alone()
    {
        var second = await AddFirmMailboxAsync();
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm) with { To = [P.Firm.Mailbox, second] });
        await WaitForConsignmentOfBothAsync(messageId);

        using var ambiguous = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content");
        Assert.Equal(HttpStatusCode.Conflict, ambiguous.StatusCode);
        Assert.EndsWith("ambiguous-mailbox", (await ErdsApi.ProblemAsync(ambiguous)).GetProperty("type").GetString());

        // The mailbox is matched like an address: case does not matter.
        using var retrieved = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content?mailbox={Uri.EscapeDataString(second.ToUpperInvariant())}");
        Assert.Equal(HttpStatusCode.OK, retrieved.StatusCode);
        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "ContentHandover");
        Assert.Equal([2], evidence.Where(e => e.Event == "ContentHandover").Select(e => e.RecipientIndex));

        var first = (await fixture.Firm.GetJsonAsync($"/api/v1/inbox/{messageId}?mailbox={Uri.EscapeDataString(P.Firm.Mailbox)}")).GetProperty("message");
        Assert.Equal(1, first.GetProperty("recipientIndex").GetInt32());
        Assert.Equal("Consigned", first.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_mailbox_of_another_organisation_finds_nothing()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        await fixture.Court.WaitForEvidenceAsync(messageId, "ContentConsignment");

        using var response = await fixture.Firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content?mailbox={Uri.EscapeDataString(P.Outsider.Mailbox)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task WaitForConsignmentOfBothAsync(Guid messageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var list = await fixture.Court.GetJsonAsync($"/api/v1/messages/{messageId}/evidence");
            var consigned = list.EnumerateArray().Where(e => e.GetProperty("event").GetString() == "ContentConsignment")
                .Select(e => e.GetProperty("recipientIndex").GetInt32()).ToHashSet();
            if (consigned.SetEquals([1, 2])) return;
            Assert.True(DateTime.UtcNow < deadline, $"Message {messageId}: consigned to [{string.Join(", ", consigned)}] only.");
            await Task.Delay(50);
        }
    }

    private async Task<string> AddFirmMailboxAsync()
    {
        var address = $"zaak-{Guid.NewGuid():N}@advocaat.example";
        await using var scope = fixture.Provider.Database();
        var firm = scope.Db.Mailboxes.Single(m => m.AddressKey == Mailbox.KeyOf(P.Firm.Mailbox));
        scope.Db.Mailboxes.Add(new Mailbox
        {
            Id = Guid.NewGuid(), OrganisationId = firm.OrganisationId, Address = address, AddressKey = Mailbox.KeyOf(address),
            DisplayName = address, IsFunctional = true, CreatedAt = DateTimeOffset.UtcNow,
        });
        await scope.Db.SaveChangesAsync();
        return address;
    }
}
