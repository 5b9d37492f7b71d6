using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Erds.Persistence.Outbox;

// Stamps outbox rows as they are saved and wakes the dispatcher once they are committed. Where this
// process runs a dispatcher, the rows are also claimed for it as they are written and handed to it
// on commit (OutboxHandover). Committed means: after SaveChanges, or after the explicit transaction
// it ran in; rows of a transaction that rolled back or was abandoned are never handed over.
internal sealed class OutboxSaveChangesInterceptor(OutboxSignal signal, OutboxCorrelation correlation, OutboxHandover? handover = null)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Saved, not yet committed (inside an explicit transaction), or saved and about to be handed over.
    private readonly List<OutboxMessage> _uncommitted = [];
    private bool _signalOnCommit;

    // Inside SaveChanges: a transaction starting, committing or rolling back now is EF's own around
    // the save, not the caller's; SavedChanges or SaveChangesFailed speaks for it.
    private bool _saving;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var context = eventData.Context;
        // Without a transaction, anything left over belongs to a transaction that was abandoned.
        if (context?.Database.CurrentTransaction is null) Forget();
        var added = context?.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList() ?? [];
        foreach (var row in added)
        {
            // Stamped here rather than at each Enqueue: every state change that announces something is
            // correlated without its code knowing about correlation.
            row.CorrelationId ??= correlation.CorrelationId;
            if (handover is not null)
            {
                handover.Claim(row);
                _uncommitted.Add(row);
            }
        }
        _signalOnCommit |= added.Count > 0;
        _saving = true;
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _saving = false;
        // Inside an explicit transaction the rows are not visible yet: handed over on commit.
        if (eventData.Context?.Database.CurrentTransaction is null) Committed();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _saving = false;
        // Inside an explicit transaction the caller decides; its rollback or the next transaction forgets.
        if (eventData.Context?.Database.CurrentTransaction is null) Forget();
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    // A caller's new transaction: whatever an abandoned one (disposed uncommitted) saved is gone.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (!_saving) Forget();
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        if (!_saving) Forget();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (!_saving) Committed();
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_saving) Committed();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (!_saving) Forget();
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_saving) Forget();
        return Task.CompletedTask;
    }

    private void Committed()
    {
        if (_uncommitted.Count > 0) handover!.Hand(_uncommitted);
        if (_signalOnCommit) signal.Notify();
        Forget();
    }

    private void Forget()
    {
        _uncommitted.Clear();
        _signalOnCommit = false;
    }
}
