namespace Erds.Submission.Messages.Read;

public sealed record MessageSummary(Guid MessageId, string Status, string From, string? Subject, DateTimeOffset SubmittedAt);
