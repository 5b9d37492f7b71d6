using Erds.Persistence.Entities;

namespace Erds.Submission.Messages.Submit;

// Metadata that passed the structural checks: who sends, to whom, how.
public sealed record SubmissionDraft(
    Mailbox SenderMailbox,
    string SenderAddress,
    IReadOnlyList<RecipientInput> Recipients,
    string? Subject,
    string? SenderReference,
    ConsignmentMode Mode,
    DateTimeOffset? ExpiresAt);
