namespace Erds.Submission.Messages.Submit;

// One content part as announced by its headers, before its bytes are read.
public sealed record IncomingPart(int Ordinal, string PartId, string? FileName, string ContentType);
