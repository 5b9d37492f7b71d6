namespace Erds.Submission.Messages.Read;

public sealed record RejectionView(string? Code, string? Details);
