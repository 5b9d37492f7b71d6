using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Erds.Persistence.Outbox;

internal sealed class OutboxSaveChangesInterceptor(OutboxSignal signal, OutboxCorrelation correlation) : SaveChangesInterceptor
{
    private bool _pending;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var added = eventData.Context?.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList() ?? [];
        // Stamped here rather than at each Enqueue: every state change that announces something is
        // correlated without its code knowing about correlation.
        foreach (var row in added) row.Entity.CorrelationId ??= correlation.CorrelationId;
        _pending = added.Count > 0;
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Inside an explicit transaction the rows are not visible yet; the poll picks them up.
        if (_pending && eventData.Context?.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
        _pending = false;
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
