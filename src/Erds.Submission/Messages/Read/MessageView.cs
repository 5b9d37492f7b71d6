namespace Erds.Submission.Messages.Read;

// A message as its sender sees it: status per recipient, the parts with their digests, the timeline.
public sealed record MessageView(
    Guid MessageId,
    string Status,
    string From,
    string? Subject,
    string? SenderReference,
    string ConsignmentMode,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ExpiresAt,
    RejectionView? Rejection,
    IReadOnlyList<RecipientView> Recipients,
    IReadOnlyList<PartView> Parts,
    IReadOnlyList<TimelineEntry> Timeline,
    MessageLinks Links);
