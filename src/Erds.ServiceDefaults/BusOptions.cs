namespace Erds.ServiceDefaults;

public sealed class BusOptions
{
    public const string Section = "Erds:Bus";

    // Long enough for a brief outage, well inside RabbitMQ's consumer_timeout (30 minutes by default),
    // after which the broker would close the channel of a consumer that holds a message unacknowledged.
    public static readonly TimeSpan MaxTotalRetryDelay = TimeSpan.FromMinutes(15);

    public static readonly IReadOnlyList<TimeSpan> DefaultRetryIntervals = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    // "InMemory" (the embedded default: one process) or "RabbitMq" (the distributed mode; the broker
    // comes from ConnectionStrings:RabbitMq, e.g. amqp://user:password@host:5672/vhost).
    public string Transport { get; set; } = "InMemory";

    // How many messages each consumer endpoint handles at once.
    public int PrefetchCount { get; set; } = 32;

    // A failing message is tried again at once this many times (a deadlock, a dropped connection)...
    public int ImmediateRetries { get; set; } = 3;

    // ...then after each of these delays (a timestamp authority or database that is away for a while),
    // and then it goes to the endpoint's _error queue. Null means DefaultRetryIntervals: the
    // configuration binder would add configured items to a non-empty default instead of replacing it.
    public TimeSpan[]? RetryIntervals { get; set; }

    // The delays before each retry, in order: ImmediateRetries zeros, then the intervals.
    public TimeSpan[] RetrySchedule() =>
        [.. Enumerable.Repeat(TimeSpan.Zero, ImmediateRetries), .. RetryIntervals ?? DefaultRetryIntervals];
}
