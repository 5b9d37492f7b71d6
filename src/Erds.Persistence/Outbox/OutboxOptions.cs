namespace Erds.Persistence.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Erds:Outbox";

    // Rows one dispatcher claims and publishes at a time.
    public int BatchSize { get; set; } = 100;

    // How long a claim keeps other dispatchers away. It must outlast publishing a whole batch (a slow
    // broker makes the dispatcher stop early rather than overrun it) plus the clock skew between
    // instances; a dispatcher that dies holds its rows back for this long.
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);
}
