using Erds.Contracts;
using Erds.ServiceDefaults.Tests.Support;
using Xunit;

namespace Erds.ServiceDefaults.Tests;

// What a consumer logs carries the identifiers of the bus message it handles, on every attempt, and
// the correlation id goes on to the outbox rows the consumer writes.
public sealed class LogContextTests
{
    [Fact]
    public async Task A_consumers_log_lines_carry_correlation_bus_message_and_erds_message_ids()
    {
        await using var host = await BusHost.StartAsync(new Attempts(failuresBeforeSuccess: 1), ("Erds:Bus:RetryIntervals:0", "00:00:00.01"));
        var ping = new Ping { MessageId = Guid.NewGuid() };

        await host.PublishAsync(ping, correlationId: "case-2026:0042");
        await host.Attempts.Done.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var lines = host.Logs.Events.Where(e => e.MessageTemplate.Text.StartsWith("Ping attempt")).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.Equal("case-2026:0042", CapturedLogs.Scalar(line, "CorrelationId"));
            Assert.Equal(ping.MessageId.ToString(), CapturedLogs.Scalar(line, "MessageId"));
            Assert.True(Guid.TryParse(CapturedLogs.Scalar(line, "BusMessageId"), out _));
            Assert.True(Guid.TryParse(CapturedLogs.Scalar(line, "ConversationId"), out _));
        });
        Assert.All(host.Attempts.Seen, attempt => Assert.Equal("case-2026:0042", attempt.OutboxCorrelationId));
    }

    [Fact]
    public async Task A_message_without_a_usable_correlation_id_is_correlated_by_its_own_message_id()
    {
        await using var host = await BusHost.StartAsync(new Attempts(failuresBeforeSuccess: 0));

        await host.PublishAsync(new Ping { MessageId = Guid.NewGuid() }, correlationId: "not a valid id");
        await host.Attempts.Done.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var line = Assert.Single(host.Logs.Events, e => e.MessageTemplate.Text.StartsWith("Ping attempt"));
        Assert.Equal(CapturedLogs.Scalar(line, "BusMessageId"), CapturedLogs.Scalar(line, "CorrelationId"));
    }

    [Theory]
    [InlineData("3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c", true)]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", true)]
    [InlineData("case-2026:0042_a.b", true)]
    [InlineData("", false)]
    [InlineData("two words", false)]
    [InlineData("line\nbreak", false)]
    [InlineData("quote\"d", false)]
    [InlineData("héllo", false)]
    public void A_correlation_id_is_short_and_made_of_safe_characters(string value, bool wellFormed)
    {
        Assert.Equal(wellFormed, Correlation.IsWellFormed(value));
    }

    [Fact]
    public void A_correlation_id_longer_than_64_characters_is_refused()
    {
        Assert.True(Correlation.IsWellFormed(new string('a', 64)));
        Assert.False(Correlation.IsWellFormed(new string('a', 65)));
    }
}
