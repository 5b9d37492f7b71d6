using Erds.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Host.Tests;

// The housekeeping scan of the consignment role also empties the outbox and the consumers' inbox
// of what is past its retention (defaults: 7 days after sending, 30 days after consuming).
public sealed class OutboxInboxCleanupTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Fact]
    public async Task The_housekeeping_scan_deletes_sent_outbox_rows_and_receipts_of_a_delivery_after_their_retention()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
        await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification");
        List<Guid> busMessages;
        await using (var scope = fixture.Provider.Database())
        {
            busMessages = await scope.Db.Outbox.Where(m => m.SentAt != null).Select(m => m.MessageId).ToListAsync();
            Assert.NotEmpty(busMessages);
            Assert.NotEmpty(await scope.Db.InboxMessages.Where(m => busMessages.Contains(m.MessageId)).ToListAsync());
        }

        // The scan wakes on the provider's clock.
        fixture.Provider.Clock.Advance(TimeSpan.FromDays(31));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var scope = fixture.Provider.Database();
            var outboxLeft = await scope.Db.Outbox.CountAsync(m => busMessages.Contains(m.MessageId));
            var receiptsLeft = await scope.Db.InboxMessages.CountAsync(m => busMessages.Contains(m.MessageId));
            if (outboxLeft == 0 && receiptsLeft == 0) break;
            Assert.True(DateTime.UtcNow < deadline, $"After 60 s, {outboxLeft} outbox rows and {receiptsLeft} receipts of message {messageId} are still there.");
            await Task.Delay(50);
        }
    }
}
