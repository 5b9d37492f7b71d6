using System.Text.Json;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests.Distributed;

// On RabbitMQ, an evidence service stopped with SIGTERM while it waits out a retry stops within 30 s
// and leaves the message on its queue, not in the error queue: the next instance issues it at once,
// without waiting for the reconciler.
[Collection(DistributedCollection.Name)]
public sealed class DistributedShutdownTests
{
    [Fact]
    public async Task Sigterm_during_a_retry_leaves_the_message_on_its_queue_for_the_next_instance()
    {
        await using var deployment = await DistributedDeployment.StartAsync();
        await deployment.Process("evidence").TerminateAsync(TimeSpan.FromSeconds(60));
        await deployment.Process("evidence").DisposeAsync();
        await deployment.StartRoleAsync("evidence", new Dictionary<string, string>
        {
            ["Erds__Evidence__TimestampAuthorityUrl"] = $"http://127.0.0.1:{ShutdownTests.ClosedPort()}/tsa",
            ["Erds__Evidence__TimestampAuthorityRootsPath"] = ShutdownTests.SomeRoot(deployment.DataDirectory),
            ["Erds__Bus__ImmediateRetries"] = "0",
            ["Erds__Bus__RetryIntervals__0"] = "00:02:00",
        });
        var court = deployment.Api(deployment.Court);
        var messageId = await court.SubmitAcceptedAsync(TestMessage.Between(deployment.Court, deployment.Firm));
        var evidence = deployment.Process("evidence");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!evidence.HasWritten("R-RETRY"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the first attempt did not fail:\n" + evidence.RecentOutput);
            await Task.Delay(250);
        }

        var stoppedIn = await evidence.TerminateAsync(TimeSpan.FromSeconds(90));

        Assert.True(stoppedIn is not null && stoppedIn < TimeSpan.FromSeconds(30), $"stopped after {stoppedIn?.TotalSeconds:F1} s:\n{evidence.RecentOutput}");
        Assert.Equal(0u, await Broker.ErrorCountAsync(DistributedEnvironment.RabbitMq));
        await evidence.DisposeAsync();

        // Its timestamp authority back: the redelivered message is issued long before the reconciler's two minutes.
        await deployment.StartRoleAsync("evidence");
        var issued = DateTime.UtcNow;
        await court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance");
        Assert.True(DateTime.UtcNow - issued < TimeSpan.FromSeconds(90), "issued only by the reconciler");
        var list = await court.GetJsonAsync($"/api/v1/messages/{messageId}/evidence");
        Assert.Single(list.EnumerateArray(), e => e.GetProperty("event").GetString() == "SubmissionAcceptance");
    }
}
