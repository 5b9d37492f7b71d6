namespace Erds.Submission.Messages.Submit;

// The answer to a submission, kept as the exact JSON sent so that a replay is byte for byte the same.
public sealed record SubmissionOutcome(int StatusCode, string ContentType, string Body, string? Location);
