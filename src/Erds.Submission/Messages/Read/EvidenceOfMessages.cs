namespace Erds.Submission.Messages.Read;

/// The evidence lists of several messages asked for at once: one entry per message of the caller's
/// organisation, in the order asked; ids that name no such message are listed in NotFound.
public sealed record EvidenceOfMessages(IReadOnlyList<MessageEvidence> Messages, IReadOnlyList<Guid> NotFound);

public sealed record MessageEvidence(Guid MessageId, IReadOnlyList<EvidenceSummary> Evidence);
