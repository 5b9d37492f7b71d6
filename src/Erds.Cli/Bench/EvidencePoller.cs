using System.Diagnostics;

namespace Erds.Cli.Bench;

// Waits for evidence the way a system following many messages would: one loop asks for the evidence
// of every message whose wait is due in one request (GET /api/v1/messages/evidence, up to 100
// messages each), every Tick at most, instead of one request per message. A wait is first due after
// 80 % of the running average of earlier waits for the same evidence (Tick while there is none yet);
// after a miss it backs off from a fifth of that average by half again each time, up to MaxBackoff.
// The bench's own reads thus stay a small share of the provider's work. Slower polling does not
// distort the evidence latencies, which are taken from the evidence's issuedAt.
// A request that fails or takes longer than the request timeout (10 s) counts as a missed poll for the messages
// it carried; a message fails only after MaxFailedPolls of its polls in a row failed, so that one
// dropped connection does not fail a hundred messages, while a provider that keeps refusing (a
// revoked token) still ends each message with the reason.
internal sealed class EvidencePoller(BenchClient client, int maxConcurrentRequests, TimeSpan? requestTimeout = null) : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _requestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10);
    private const int MaxMessagesPerRequest = 100;
    private const int MaxFailedPolls = 3;

    // Events that end a delivery without the chain the bench waits for.
    private static readonly HashSet<string> Negative =
    [
        "SubmissionRejection", "ContentConsignmentFailure", "ConsignmentNotificationFailure", "ContentHandoverFailure",
        "ConsignmentRejection", "AcceptanceRejectionExpiry", "NotificationForAcceptanceFailure",
    ];

    // Running average of how long each kind of wait took, in ticks, keyed by the awaited events.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> _typicalWait = new();
    private readonly Lock _lock = new();
    private readonly List<Waiter> _waiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private int _disposed;
    private long _requests;
    private long _messagesAsked;

    // Requests sent, and message lookups they carried (one request asks for many messages).
    public long Requests => Interlocked.Read(ref _requests);
    public long MessagesAsked => Interlocked.Read(ref _messagesAsked);

    public async Task<IReadOnlyList<EvidenceListItem>> WaitForAsync(Guid messageId, IReadOnlyCollection<string> events, CancellationToken cancellationToken)
    {
        var key = string.Join(',', events);
        var typical = _typicalWait.TryGetValue(key, out var average) ? TimeSpan.FromTicks((long)average) : TimeSpan.Zero;
        var waiter = new Waiter(messageId, events, key, Stopwatch.GetTimestamp(), typical);
        lock (_lock)
        {
            _waiters.Add(waiter);
            _loop ??= Task.Run(() => RunAsync(_stopping.Token));
        }
        try
        {
            return await waiter.Answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_lock) _waiters.Remove(waiter);
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        using var gate = new SemaphoreSlim(maxConcurrentRequests, maxConcurrentRequests);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Tick, stopping);
                Waiter[] due;
                var now = Stopwatch.GetTimestamp();
                lock (_lock) due = _waiters.Where(w => w.DueAt <= now && !w.Answer.Task.IsCompleted).ToArray();
                // One round at a time: when the provider answers slowly, the bench asks less often.
                await Task.WhenAll(due.Chunk(MaxMessagesPerRequest).Select(chunk => AskAsync(chunk, gate, stopping)));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
        }
    }

    private async Task AskAsync(Waiter[] waiters, SemaphoreSlim gate, CancellationToken stopping)
    {
        IReadOnlyDictionary<Guid, IReadOnlyList<EvidenceListItem>> answer;
        await gate.WaitAsync(stopping);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(_requestTimeout);
            answer = await client.ListEvidenceAsync(waiters.Select(w => w.MessageId).ToArray(), timeout.Token);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            var failure = ex switch
            {
                BenchFailure bench => bench,
                OperationCanceledException => new BenchFailure("evidence list: timeout", $"no answer within {_requestTimeout}"),
                _ => new BenchFailure($"evidence list: {ex.GetType().Name}", ex.Message),
            };
            foreach (var waiter in waiters) waiter.Missed(failure);
            return;
        }
        finally
        {
            gate.Release();
        }
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _messagesAsked, waiters.Length);
        foreach (var waiter in waiters)
        {
            try
            {
                Settle(waiter, answer);
            }
            catch (Exception ex)
            {
                // An answer the bench cannot read fails the message it was about, not the loop.
                waiter.Answer.TrySetException(new BenchFailure($"evidence list: {ex.GetType().Name}", ex.Message));
            }
        }
    }

    private void Settle(Waiter waiter, IReadOnlyDictionary<Guid, IReadOnlyList<EvidenceListItem>> answer)
    {
        if (!answer.TryGetValue(waiter.MessageId, out var evidence))
        {
            waiter.Answer.TrySetException(new BenchFailure("evidence list: message not found"));
        }
        else if (evidence.FirstOrDefault(e => Negative.Contains(e.Event)) is { } negative)
        {
            waiter.Answer.TrySetException(new BenchFailure($"evidence: {negative.Event}"));
        }
        else if (waiter.Events.All(name => evidence.Any(e => e.Event == name)))
        {
            var waited = Stopwatch.GetElapsedTime(waiter.Started).Ticks;
            _typicalWait.AddOrUpdate(waiter.Key, waited, (_, previous) => previous * 0.9 + waited * 0.1);
            waiter.Answer.TrySetResult(evidence);
        }
        else
        {
            waiter.NotYet();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopping.CancelAsync();
        Task? loop;
        Waiter[] left;
        lock (_lock)
        {
            loop = _loop;
            left = _waiters.ToArray();
        }
        // Whatever a request in flight threw while stopping is of no interest any more.
        if (loop is not null) await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var waiter in left) waiter.Answer.TrySetCanceled();
        _stopping.Dispose();
    }

    private sealed class Waiter
    {
        public Waiter(Guid messageId, IReadOnlyCollection<string> events, string key, long started, TimeSpan typicalWait)
        {
            MessageId = messageId;
            Events = events;
            Key = key;
            Started = started;
            _backoff = TimeSpan.FromTicks(Math.Max(Tick.Ticks, typicalWait.Ticks / 5));
            DueAt = started + ToTimestamp(TimeSpan.FromTicks(Math.Max(Tick.Ticks, typicalWait.Ticks * 4 / 5)));
        }

        private TimeSpan _backoff;
        private int _failedPolls;

        public Guid MessageId { get; }
        public IReadOnlyCollection<string> Events { get; }
        public string Key { get; }
        public long Started { get; }
        // Read by the loop, written by the loop only (NotYet, Missed): no other thread races it.
        public long DueAt { get; private set; }
        public TaskCompletionSource<IReadOnlyList<EvidenceListItem>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // A failed poll: tried again after the back-off, until MaxFailedPolls in a row.
        public void Missed(BenchFailure failure)
        {
            if (++_failedPolls >= MaxFailedPolls) Answer.TrySetException(failure);
            else ScheduleNext();
        }

        // An answer without the awaited evidence yet.
        public void NotYet()
        {
            _failedPolls = 0;
            ScheduleNext();
        }

        private void ScheduleNext()
        {
            DueAt = Stopwatch.GetTimestamp() + ToTimestamp(_backoff);
            _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 3 / 2, MaxBackoff.Ticks));
        }

        private static long ToTimestamp(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
    }
}
