namespace Erds.Submission.Messages.Submit;

// One content part after its bytes went through: what was announced, how long it was, its digest.
public sealed record StoredPart(IncomingPart Part, long Length, byte[] Sha256);
