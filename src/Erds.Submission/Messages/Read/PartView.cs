namespace Erds.Submission.Messages.Read;

public sealed record PartView(string PartId, string? FileName, string ContentType, long Length, string Sha256);
