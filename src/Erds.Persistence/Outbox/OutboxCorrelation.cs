using Erds.Contracts;

namespace Erds.Persistence.Outbox;

// The correlation id of the work one scope does: an API request or the handling of one bus message.
// The request middleware and the consume filter of the service defaults set it; every outbox row the
// scope writes takes it (OutboxSaveChangesInterceptor), so the bus messages it becomes carry the same
// id into the next service. Null in background work (reconcilers, expiry): their rows carry none.
public sealed class OutboxCorrelation
{
    private string? _correlationId;

    public string? CorrelationId
    {
        get => _correlationId;
        // Checked here, where it enters the database: the column is only Correlation.MaxLength wide.
        set => _correlationId = value is null || Correlation.IsWellFormed(value)
            ? value
            : throw new ArgumentException("Not a well-formed correlation id.", nameof(value));
    }
}
