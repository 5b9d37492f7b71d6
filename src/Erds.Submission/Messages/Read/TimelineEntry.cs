namespace Erds.Submission.Messages.Read;

public sealed record TimelineEntry(string Event, int RecipientIndex, DateTimeOffset OccurredAt, string? ReasonCode, string? ReasonDetails, Guid? EvidenceId);
