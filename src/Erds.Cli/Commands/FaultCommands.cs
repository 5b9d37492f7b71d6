using System.CommandLine;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Erds.Cli.Commands;

// Messages that exhausted their retries wait in MassTransit's "<queue>_error" queues on RabbitMQ;
// delivery events whose evidence cannot be sealed wait parked in the database (ParkedEventCommands).
// An operator looks at them, fixes the cause (a timestamp authority that was down, a database that
// was full) and moves them back; consumers are idempotent, so a replay never doubles an effect.
internal static class FaultCommands
{
    // The receive endpoints of the distributed mode (see the *ConsumerDefinition classes).
    public static readonly string[] Queues = [.. Erds.Contracts.QueueNames.All];

    public static Command Create()
    {
        var broker = CommonOptions.UriOption("--broker", "RabbitMQ of the deployment (default: $ERDS_RABBITMQ or amqp://guest:guest@127.0.0.1:5672/).",
            "ERDS_RABBITMQ", "amqp://guest:guest@127.0.0.1:5672/", "amqp", "amqps");
        var list = new Command("list", "Count the faulted messages of every service queue.") { broker };
        CliAction.Set(list, async (parse, cancellationToken) =>
        {
            await using var connection = await ConnectAsync(parse.GetValue(broker)!, cancellationToken);
            foreach (var queue in Queues)
            {
                var count = await ErrorCountAsync(connection, queue, cancellationToken);
                Console.WriteLine($"{queue}_error\t{(count is null ? "not declared" : count.ToString())}");
            }
        });

        var queueOption = new Option<string>("--queue") { Description = "The service queue whose faults to replay.", Required = true };
        queueOption.AcceptOnlyFromAmong(Queues);
        var max = new Option<int>("--max") { Description = "Replay at most this many.", DefaultValueFactory = _ => int.MaxValue };
        var replay = new Command("replay", "Move faulted messages back to their service queue.") { broker, queueOption, max };
        CliAction.Set(replay, async (parse, cancellationToken) =>
        {
            await using var connection = await ConnectAsync(parse.GetValue(broker)!, cancellationToken);
            var replayed = await ReplayAsync(connection, parse.GetValue(queueOption)!, parse.GetValue(max), cancellationToken);
            Console.WriteLine($"replayed {replayed} message(s) to {parse.GetValue(queueOption)}");
        });
        return new Command("faults", "What could not be handled: faulted bus messages (distributed mode) and parked delivery events (operator).")
        {
            list, replay, ParkedEventCommands.CreateList(), ParkedEventCommands.CreateRelease(),
        };
    }

    private static async Task<IConnection> ConnectAsync(Uri broker, CancellationToken cancellationToken)
    {
        try
        {
            return await new ConnectionFactory { Uri = broker, ClientProvidedName = "erds-cli" }.CreateConnectionAsync(cancellationToken);
        }
        catch (BrokerUnreachableException ex)
        {
            throw new CliError($"Cannot reach RabbitMQ at {broker.Host}:{broker.Port}: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    private static async Task<uint?> ErrorCountAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes the channel: one channel per question.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue + "_error", cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return null;
        }
    }

    private static async Task<int> ReplayAsync(IConnection connection, string queue, int max, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var replayed = 0;
        while (replayed < max && await channel.BasicGetAsync(queue + "_error", autoAck: false, cancellationToken) is { } faulted)
        {
            var properties = new BasicProperties(faulted.BasicProperties);
            if (properties.Headers is { } headers)
            {
                foreach (var key in headers.Keys.Where(k => k.StartsWith("MT-Fault", StringComparison.Ordinal) || k == "MT-Reason").ToList()) headers.Remove(key);
            }
            // MassTransit binds an exchange of the queue's name to each receive queue.
            await channel.BasicPublishAsync(queue, "", mandatory: true, properties, faulted.Body, cancellationToken);
            await channel.BasicAckAsync(faulted.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
        }
        return replayed;
    }
}
