using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Erds.Persistence.Outbox;

// Stamps outbox rows as they are saved and wakes the dispatcher once they are committed. Where this
// process runs a dispatcher, the rows are also claimed for it as they are written and handed to it
// on commit (OutboxHandover). Committed means: after SaveChanges, or after the explicit transaction
// it ran in; rows of a transaction that rolled back or was abandoned are never handed over.
// One instance serves every context (they are pooled); what it tracks lives on the context's
// OutboxUnitOfWork.
internal sealed class OutboxSaveChangesInterceptor(OutboxSignal signal, OutboxHandover? handover = null)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ErdsDbContext context)
        {
            var work = context.OutboxWork;
            // Without a transaction, anything left over belongs to a transaction that was abandoned.
            if (context.Database.CurrentTransaction is null) work.Forget();
            var added = context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            foreach (var row in added)
            {
                // Stamped here rather than at each Enqueue: every state change that announces something is
                // correlated without its code knowing about correlation.
                row.CorrelationId ??= work.Correlation?.CorrelationId;
                if (handover is not null)
                {
                    handover.Claim(row);
                    work.Uncommitted.Add(row);
                }
            }
            work.SignalOnCommit |= added.Count > 0;
            work.Saving = true;
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ErdsDbContext context)
        {
            context.OutboxWork.Saving = false;
            // Inside an explicit transaction the rows are not visible yet: handed over on commit.
            if (context.Database.CurrentTransaction is null) Committed(context.OutboxWork);
        }
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveEndedUnsaved(eventData.Context);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    // A cancelled save is not reported as failed; what it would have written is gone all the same.
    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveEndedUnsaved(eventData.Context);
        return base.SaveChangesCanceledAsync(eventData, cancellationToken);
    }

    private static void SaveEndedUnsaved(DbContext? context)
    {
        if (context is not ErdsDbContext db) return;
        db.OutboxWork.Saving = false;
        // Inside an explicit transaction the caller decides; its rollback or the next transaction forgets.
        if (db.Database.CurrentTransaction is null) db.OutboxWork.Forget();
    }

    // A caller's new transaction: whatever an abandoned one (disposed uncommitted) saved is gone.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        OutsideSave(eventData)?.Forget();
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        OutsideSave(eventData)?.Forget();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (OutsideSave(eventData) is { } work) Committed(work);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (OutsideSave(eventData) is { } work) Committed(work);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        OutsideSave(eventData)?.Forget();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        OutsideSave(eventData)?.Forget();
        return Task.CompletedTask;
    }

    // The unit of work of a transaction the caller began, or null for EF's own around a save.
    private static OutboxUnitOfWork? OutsideSave(TransactionEndEventData eventData) =>
        eventData.Context is ErdsDbContext { OutboxWork: { Saving: false } work } ? work : null;

    private void Committed(OutboxUnitOfWork work)
    {
        if (work.Uncommitted.Count > 0) handover!.Hand(work.Uncommitted);
        if (work.SignalOnCommit) signal.Notify();
        work.Forget();
    }
}
