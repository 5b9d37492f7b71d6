namespace Erds.Submission.Messages.Submit;

// The 202 answer to a submission.
public sealed record SubmissionAccepted(Guid MessageId, string Status, DateTimeOffset SubmittedAt, MessageLinks Links);
