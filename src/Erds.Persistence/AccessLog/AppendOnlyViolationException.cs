namespace Erds.Persistence.AccessLog;

// A change or deletion of an access log entry was attempted: a defect, never a request's fault.
public sealed class AppendOnlyViolationException(string message) : InvalidOperationException(message);
