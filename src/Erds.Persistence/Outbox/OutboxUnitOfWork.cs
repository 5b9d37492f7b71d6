namespace Erds.Persistence.Outbox;

// What OutboxSaveChangesInterceptor keeps about one context's unit of work. It lives on the context,
// not in the interceptor: contexts are pooled and share one interceptor, and each lease of a context
// starts a new unit of work for its scope (ErdsDbContext.BeginUnitOfWork).
internal sealed class OutboxUnitOfWork(OutboxCorrelation? correlation)
{
    // The scope's correlation, stamped on every row it writes; null outside dependency injection.
    public OutboxCorrelation? Correlation { get; } = correlation;

    // Saved, not yet committed (inside an explicit transaction), or saved and about to be handed over.
    public List<OutboxMessage> Uncommitted { get; } = [];

    public bool SignalOnCommit { get; set; }

    // Inside SaveChanges: a transaction starting, committing or rolling back now is EF's own around
    // the save, not the caller's; SavedChanges or SaveChangesFailed speaks for it.
    public bool Saving { get; set; }

    public void Forget()
    {
        Uncommitted.Clear();
        SignalOnCommit = false;
    }
}
