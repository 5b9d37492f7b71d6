namespace Erds.Submission.AccessLog;

// Endpoint metadata: requests to this endpoint are recorded in the access log under Action.
public sealed record AuditedAccess(string Action, string? Side);
