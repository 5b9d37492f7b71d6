using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Erds.Host.Tests.Distributed;

// Leaves no messages of an earlier run in the service queues: the distributed tests share one broker.
public static class Broker
{
    private static readonly IReadOnlyList<string> Queues = Erds.Contracts.QueueNames.All;

    public static async Task DeleteServiceQueuesAsync(string url)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(url) }.CreateConnectionAsync();
        foreach (var queue in Queues.SelectMany(q => new[] { q, q + "_error", q + "_skipped" }))
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
            }
            catch (OperationInterruptedException)
            {
                // Not declared yet.
            }
        }
    }

    public static async Task<uint> ErrorCountAsync(string url)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(url) }.CreateConnectionAsync();
        uint total = 0;
        foreach (var queue in Queues)
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                total += (await channel.QueueDeclarePassiveAsync(queue + "_error")).MessageCount;
            }
            catch (OperationInterruptedException)
            {
            }
        }
        return total;
    }
}
