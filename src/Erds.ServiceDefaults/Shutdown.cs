namespace Erds.ServiceDefaults;

// How long a stop (SIGTERM, Ctrl+C) may take: within 30 s, what container orchestrators give before
// SIGKILL (Kubernetes' terminationGracePeriodSeconds, Docker's stop timeout are 30 s and 10 s by
// default; deploy/ sets 30). Nothing is lost by stopping early: an unacknowledged bus message is
// redelivered, and the reconcilers take up what an in-memory bus dropped.
public static class Shutdown
{
    // Everything: the API drains its requests, the bus stops, the outbox gives back its claims.
    public static readonly TimeSpan HostTimeout = TimeSpan.FromSeconds(25);

    // How long consumers in flight may finish their work before their cancellation token fires. A
    // consumer waiting between two retries (up to Erds:Bus:RetryIntervals, 30 s by default) is not
    // working: it stops here, and its message goes back to the queue rather than to the error queue.
    public static readonly TimeSpan ConsumerTimeout = TimeSpan.FromSeconds(5);

    // How long stopping the bus may take in all, after which the host goes on stopping without it.
    public static readonly TimeSpan BusTimeout = TimeSpan.FromSeconds(15);
}
