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

public sealed record RejectionView(string? Code, string? Details);

public sealed record RecipientView(int Index, string Identifier, string Scheme, string Status,
    DateTimeOffset? ConsignedAt, DateTimeOffset? NotifiedAt, DateTimeOffset? DecidedAt, DateTimeOffset? HandedOverAt);

public sealed record PartView(string PartId, string? FileName, string ContentType, long Length, string Sha256);

public sealed record TimelineEntry(string Event, int RecipientIndex, DateTimeOffset OccurredAt, string? ReasonCode, string? ReasonDetails, Guid? EvidenceId);
