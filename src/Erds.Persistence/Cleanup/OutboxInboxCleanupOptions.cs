namespace Erds.Persistence.Cleanup;

public sealed class OutboxInboxCleanupOptions
{
    public const string Section = "Erds:Cleanup";

    // How long an outbox row is kept after it was published (SentAt). Nothing reads a sent row
    // again: it is kept only to trace what was published and when.
    public TimeSpan SentOutboxRetention { get; set; } = TimeSpan.FromDays(7);

    // How long a consumer's receipt is kept after ConsumedAt. While it exists, a redelivery of the
    // same bus message has no second effect, so it has to outlast every way a message comes back:
    // immediate retries (seconds); a consumer that died before acknowledging (the broker requeues at
    // once); a dispatcher that died between publishing and marking the row sent (published again
    // after one outbox lease, or as soon as the broker is reachable again); an operator replaying an
    // error queue (`erds faults replay`, whenever someone gets to it: the one wait with no bound but
    // this). It is at least SentOutboxRetention, so that every message the outbox still shows as
    // sent is still recognised by the consumers that handled it.
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    // Rows removed by one DELETE. Each batch is a statement and transaction of its own, so a large
    // backlog never holds locks for long; well below SQL Server's lock escalation (5,000 locks).
    public int BatchSize { get; set; } = 1000;
}
