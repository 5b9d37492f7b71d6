namespace Erds.ServiceDefaults;

public sealed class BusOptions
{
    public const string Section = "Erds:Bus";

    // "InMemory" (the embedded default: one process) or "RabbitMq" (the distributed mode; the broker
    // comes from ConnectionStrings:RabbitMq, e.g. amqp://user:password@host:5672/vhost).
    public string Transport { get; set; } = "InMemory";

    // How many messages each consumer endpoint handles at once.
    public int PrefetchCount { get; set; } = 32;
}
