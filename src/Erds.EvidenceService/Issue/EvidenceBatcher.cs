using System.Threading.Channels;
using Erds.Persistence.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.EvidenceService.Issue;

// Issues evidence for the bus messages being consumed in batches rather than one by one: every
// consumer hands its request over and waits, and a few workers take whatever has gathered and issue
// it together (EvidenceIssuanceService: three queries and one transaction per batch instead of per
// evidence). Nothing waits for a batch to fill: a worker takes what is there the moment it is free,
// so under light load a batch is one request and under heavy load the batches grow by themselves.
// Each request still succeeds or fails on its own, so retries, the error queue and the inbox work per
// bus message exactly as with one consumer per message.
public sealed class EvidenceBatcher : IAsyncDisposable, IDisposable
{
    private readonly Channel<PendingEvidence> _queue = Channel.CreateUnbounded<PendingEvidence>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly int _batchSize;
    private readonly ILogger<EvidenceBatcher> _logger;
    private readonly Task[] _workers;
    private int _disposed;

    public EvidenceBatcher(IServiceScopeFactory scopes, IOptions<EvidenceServiceOptions> options, ILogger<EvidenceBatcher> logger)
    {
        _scopes = scopes;
        _batchSize = options.Value.IssueBatchSize;
        _logger = logger;
        // Created while the first consumer runs: without this the workers would carry that bus
        // message's log context (its correlation id) into every batch they ever handle.
        using (ExecutionContext.SuppressFlow())
        {
            _workers = Enumerable.Range(0, options.Value.IssueWorkers).Select(_ => Task.Run(RunAsync)).ToArray();
        }
    }

    public Task IssueAsync(Guid deliveryEventId, InboxReceipt receipt, string? correlationId, CancellationToken cancellationToken)
    {
        var pending = new PendingEvidence(deliveryEventId, receipt, correlationId);
        if (!_queue.Writer.TryWrite(pending)) throw new OperationCanceledException("The evidence service is stopping.");
        // A consumer that gives up (shutdown) leaves its request behind; issuing it anyway is harmless,
        // the redelivery then finds the evidence stored.
        return pending.Completion.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingEvidence>(_batchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                while (batch.Count < _batchSize && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
                if (batch.Count > 0) await IssueAsync(batch);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task IssueAsync(List<PendingEvidence> batch)
    {
        try
        {
            await IssueTogetherAsync(batch);
        }
        catch (Exception ex) when (batch.Count > 1 && !_stopping.IsCancellationRequested)
        {
            // The facts of the batch could not be read. One event's rows may be what breaks the query
            // (a value no entity can hold): each request is tried on its own, so that such an event
            // fails alone and never takes the others with it.
            _logger.LogWarning(ex, "A batch of {Count} evidence requests failed; issuing each on its own", batch.Count);
            foreach (var pending in batch.Where(p => !p.IsCompleted)) await IssueAloneAsync(pending);
        }
        catch (Exception ex)
        {
            Fail(batch, ex);
        }
        foreach (var pending in batch.Where(p => !p.IsCompleted))
        {
            pending.Fail(new InvalidOperationException($"The evidence request for delivery event {pending.DeliveryEventId} was left unanswered."));
        }
    }

    private async Task IssueAloneAsync(PendingEvidence pending)
    {
        try
        {
            await IssueTogetherAsync([pending]);
        }
        catch (Exception ex)
        {
            Fail([pending], ex);
        }
    }

    private async Task IssueTogetherAsync(List<PendingEvidence> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EvidenceIssuanceService>().IssueAsync(batch, _stopping.Token);
    }

    // The facts could not be read (the database away) or the service is stopping: the requests fail,
    // and each bus message is retried by its own consumer.
    private void Fail(List<PendingEvidence> requests, Exception ex)
    {
        if (!_stopping.IsCancellationRequested) _logger.LogWarning(ex, "{Count} evidence request(s) failed", requests.Count);
        foreach (var pending in requests) pending.Fail(ex);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await Task.WhenAll(_workers);
        while (_queue.Reader.TryRead(out var pending)) pending.Fail(new OperationCanceledException("The evidence service stopped."));
        _stopping.Dispose();
    }

    // A host disposed synchronously still stops the workers; nothing they wait on needs this thread.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
