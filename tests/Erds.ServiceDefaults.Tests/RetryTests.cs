using Erds.ServiceDefaults.Tests.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace Erds.ServiceDefaults.Tests;

// The retry policy every endpoint gets from Erds:Bus, on the in-memory transport, with delays short
// enough for a test. What counts is how often the consumer ran and what it left behind.
public sealed class RetryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_consumer_that_fails_twice_then_succeeds_has_one_effect()
    {
        await using var host = await BusHost.StartAsync(new Attempts(failuresBeforeSuccess: 2),
            ("Erds:Bus:ImmediateRetries", "1"), ("Erds:Bus:RetryIntervals:0", "00:00:00.05"), ("Erds:Bus:RetryIntervals:1", "00:00:00.05"));
        var ping = new Ping { MessageId = Guid.NewGuid() };

        await host.PublishAsync(ping);
        await host.Attempts.Done.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(3, host.Attempts.Seen.Count);
        Assert.Equal([ping.MessageId], host.Attempts.Effects);
        Assert.Empty(host.Attempts.Faults);
        // Each attempt runs in a scope of its own: a retry never reuses the DbContext a failure left dirty.
        Assert.Equal(3, host.Attempts.Seen.Select(a => a.Scope).Distinct().Count());
    }

    [Fact]
    public async Task A_consumer_that_keeps_failing_is_tried_immediately_then_after_each_interval_then_faults()
    {
        await using var host = await BusHost.StartAsync(new Attempts(failuresBeforeSuccess: int.MaxValue),
            ("Erds:Bus:ImmediateRetries", "2"), ("Erds:Bus:RetryIntervals:0", "00:00:00.02"), ("Erds:Bus:RetryIntervals:1", "00:00:00.02"));
        var ping = new Ping { MessageId = Guid.NewGuid() };

        await host.PublishAsync(ping);
        await host.Attempts.Done.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        // The first delivery, two immediate retries, two delayed ones; then the _error queue (and its Fault event).
        Assert.Equal(5, host.Attempts.Seen.Count);
        Assert.Empty(host.Attempts.Effects);
        Assert.Equal([ping.MessageId], host.Attempts.Faults);
    }

    [Fact]
    public void By_default_three_immediate_retries_then_one_five_and_thirty_seconds()
    {
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)],
            new BusOptions().RetrySchedule());
    }

    [Theory]
    [InlineData("Erds:Bus:RetryIntervals:0", "-00:00:01", "must all be positive")]
    [InlineData("Erds:Bus:RetryIntervals:0", "00:20:00", "add up to more than")]
    [InlineData("Erds:Bus:ImmediateRetries", "50", "between 0 and 10")]
    [InlineData("Erds:Bus:PrefetchCount", "0", "PrefetchCount must be positive")]
    public async Task A_bad_retry_setting_stops_the_start_naming_it(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BusHost.StartAsync(new Attempts(0), (key, value)));
        Assert.Contains(message, error.Message);
    }
}
