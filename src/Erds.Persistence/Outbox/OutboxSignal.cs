namespace Erds.Persistence.Outbox;

// Wakes the dispatcher as soon as something was written to the outbox, so that publishing does not
// wait for the next poll. Polling remains the safety net (e.g. after a restart).
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
