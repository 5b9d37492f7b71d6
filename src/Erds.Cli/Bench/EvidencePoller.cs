namespace Erds.Cli.Bench;

// Waits for evidence by polling the sender's evidence list. Each message backs off from 20 ms up to
// a cap between polls; the cap grows with the number of waiting messages (250 ms up to 5 s) so that
// all of them together poll about 100 times a second at most, and a gate bounds how many polls run
// at once. The bench's own reads thus stay a small share of the provider's work. Slower polling
// does not distort the evidence latencies, which are taken from the evidence's issuedAt.
internal sealed class EvidencePoller(BenchClient client, int maxConcurrentPolls)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(20);
    private const double PollsPerSecond = 100;
    private static readonly TimeSpan MinCap = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxCap = TimeSpan.FromSeconds(5);

    // Events that end a delivery without the chain the bench waits for.
    private static readonly HashSet<string> Negative =
    [
        "SubmissionRejection", "ContentConsignmentFailure", "ConsignmentNotificationFailure", "ContentHandoverFailure",
        "ConsignmentRejection", "AcceptanceRejectionExpiry", "NotificationForAcceptanceFailure",
    ];

    private readonly SemaphoreSlim _gate = new(maxConcurrentPolls, maxConcurrentPolls);
    private long _polls;
    private int _waiting;

    public long Polls => Interlocked.Read(ref _polls);

    public async Task<IReadOnlyList<EvidenceListItem>> WaitForAsync(Guid messageId, IReadOnlyCollection<string> events, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            return await PollAsync(messageId, events, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private async Task<IReadOnlyList<EvidenceListItem>> PollAsync(Guid messageId, IReadOnlyCollection<string> events, CancellationToken cancellationToken)
    {
        var delay = FirstDelay;
        while (true)
        {
            await Task.Delay(delay, cancellationToken);
            IReadOnlyList<EvidenceListItem> evidence;
            await _gate.WaitAsync(cancellationToken);
            try
            {
                evidence = await client.ListEvidenceAsync(messageId, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
            Interlocked.Increment(ref _polls);
            if (evidence.FirstOrDefault(e => Negative.Contains(e.Event)) is { } negative)
            {
                throw new BenchFailure($"evidence: {negative.Event}");
            }
            if (events.All(name => evidence.Any(e => e.Event == name))) return evidence;
            var cap = Math.Clamp(TimeSpan.FromSeconds(Volatile.Read(ref _waiting) / PollsPerSecond).Ticks, MinCap.Ticks, MaxCap.Ticks);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 3 / 2, cap));
        }
    }
}
