namespace Erds.Submission.Messages.Read;

public sealed record EvidenceSummary(Guid EvidenceId, string Event, int RecipientIndex, DateTimeOffset EventTime, DateTimeOffset IssuedAt, string Sha256, string Link);
