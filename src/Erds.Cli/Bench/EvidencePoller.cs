namespace Erds.Cli.Bench;

// Waits for evidence by polling the sender's evidence list. The first poll comes when the wait is
// likely over: after 80 % of the running average of earlier waits for the same evidence (20 ms while
// there is none yet), so that a message needs one or two polls per wait rather than a dozen. From
// there each message backs off up to a cap between polls; the cap grows with the number of waiting
// messages (250 ms up to 5 s) so that all of them together poll about 100 times a second at most, and
// a gate bounds how many polls run at once. The bench's own reads thus stay a small share of the
// provider's work. Slower polling does not distort the evidence latencies, which are taken from the
// evidence's issuedAt.
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

    // Running average of how long each kind of wait took, in ticks, keyed by the awaited events.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> _typicalWait = new();
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
        var key = string.Join(',', events);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var typical = _typicalWait.TryGetValue(key, out var average) ? TimeSpan.FromTicks((long)average) : TimeSpan.Zero;
        var delay = TimeSpan.FromTicks(Math.Max(FirstDelay.Ticks, typical.Ticks * 4 / 5));
        var backoff = TimeSpan.FromTicks(Math.Max(FirstDelay.Ticks, typical.Ticks / 5));
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
            if (events.All(name => evidence.Any(e => e.Event == name)))
            {
                var waited = System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks;
                _typicalWait.AddOrUpdate(key, waited, (_, previous) => previous * 0.9 + waited * 0.1);
                return evidence;
            }
            var cap = Math.Clamp(TimeSpan.FromSeconds(Volatile.Read(ref _waiting) / PollsPerSecond).Ticks, MinCap.Ticks, MaxCap.Ticks);
            delay = backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 3 / 2, cap));
        }
    }
}
