namespace Erds.Submission.Messages.Submit;

// The JSON part named "metadata" that opens every submission.
public sealed record SubmissionMetadata
{
    // The sender mailbox, exactly as registered; it appears unchanged in evidence.
    public string? From { get; init; }
    public List<RecipientInput?>? Recipients { get; init; }
    public string? Subject { get; init; }

    // The sender's own reference, e.g. a case number.
    public string? SenderReference { get; init; }

    // "basic" (default) or "consent".
    public string? ConsignmentMode { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
}
