namespace Erds.Submission.Inbox;

public sealed record RefusalRequest(string? Reason);
