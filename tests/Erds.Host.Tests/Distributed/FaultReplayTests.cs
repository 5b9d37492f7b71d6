using Erds.Contracts;
using Erds.Host.Tests.Support;
using RabbitMQ.Client;
using Xunit;

namespace Erds.Host.Tests.Distributed;

// An operator's view of faulted messages: `erds faults list` counts them, `erds faults replay` moves
// them back to their service queue. A message the service cannot read faults at once, and again after
// the replay: the plumbing is what is under test.
[Collection(DistributedCollection.Name)]
public sealed class FaultReplayTests
{
    [Fact]
    public async Task A_faulted_message_is_listed_and_replayed_to_its_queue()
    {
        await using var deployment = await DistributedDeployment.StartAsync();
        var broker = DistributedEnvironment.RabbitMq;
        await PublishUnreadableAsync(broker, QueueNames.EvidenceDeliveryEventRecorded);
        await WaitForErrorsAsync(broker, 1);

        var (listExit, list) = await Cli.RunAsync("faults", "list", "--broker", broker);
        Assert.True(listExit == 0, list);
        Assert.Contains($"{QueueNames.EvidenceDeliveryEventRecorded}_error\t1", list);
        Assert.Contains($"{QueueNames.ConsignmentEvidenceIssued}_error\t", list);

        // With the evidence service down, the replayed message waits in the service queue where it belongs.
        await deployment.Process("evidence").KillAsync();
        var (replayExit, replay) = await Cli.RunAsync("faults", "replay", "--broker", broker, "--queue", QueueNames.EvidenceDeliveryEventRecorded);
        Assert.True(replayExit == 0, replay);
        Assert.Contains($"replayed 1 message(s) to {QueueNames.EvidenceDeliveryEventRecorded}", replay);
        Assert.Equal(0u, await Broker.ErrorCountAsync(broker));
        Assert.Equal(1u, await QueueDepthAsync(broker, QueueNames.EvidenceDeliveryEventRecorded));

        // The service comes back, reads it, and it faults again: it went round exactly once.
        await deployment.Process("evidence").DisposeAsync();
        await deployment.StartRoleAsync("evidence");
        await WaitForErrorsAsync(broker, 1);
    }

    private static async Task<uint> QueueDepthAsync(string broker, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    private static async Task PublishUnreadableAsync(string broker, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true, MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync(queue, "", mandatory: true, properties, "{ not json"u8.ToArray());
    }

    private static async Task WaitForErrorsAsync(string broker, uint expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        uint count;
        while ((count = await Broker.ErrorCountAsync(broker)) != expected && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(expected, count);
    }
}
