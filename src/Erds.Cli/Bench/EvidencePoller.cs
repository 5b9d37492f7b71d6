namespace Erds.Cli.Bench;

// Waits for evidence by polling the sender's evidence list. Each message backs off from 20 ms to
// 250 ms between polls, and a gate bounds how many polls run at once, so that with many messages
// in flight the bench's own reads stay a small share of the provider's work.
internal sealed class EvidencePoller(BenchClient client, int maxConcurrentPolls)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(250);

    // Events that end a delivery without the chain the bench waits for.
    private static readonly HashSet<string> Negative =
    [
        "SubmissionRejection", "ContentConsignmentFailure", "ConsignmentNotificationFailure", "ContentHandoverFailure",
        "ConsignmentRejection", "AcceptanceRejectionExpiry", "NotificationForAcceptanceFailure",
    ];

    private readonly SemaphoreSlim _gate = new(maxConcurrentPolls, maxConcurrentPolls);
    private long _polls;

    public long Polls => Interlocked.Read(ref _polls);

    public async Task<IReadOnlyList<EvidenceListItem>> WaitForAsync(Guid messageId, IReadOnlyCollection<string> events, CancellationToken cancellationToken)
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
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 3 / 2, MaxDelay.Ticks));
        }
    }
}
