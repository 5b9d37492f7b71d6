namespace Erds.Submission.AccessLog;

// One access log entry as an organisation's administrator sees it. Operators' names stay with the
// provider: byOperator says that the provider's operator did it (erds token issue, rotate, revoke).
public sealed record AccessLogEntryView(
    long Id,
    DateTimeOffset At,
    string Action,
    int? Status,
    Guid? CredentialId,
    Guid? UserId,
    string? ClientAddress,
    bool ByOperator,
    Guid? MessageId,
    Guid? EvidenceId,
    string? Detail,
    string? CorrelationId);
