using Erds.Persistence.Entities;

namespace Erds.Submission.Messages.Submit;

// Metadata that passed the structural checks: who sends, to whom, how. KnownMailboxes holds the
// mailboxes of this provider among the sender and the mailto recipients, by AddressKey.
public sealed record SubmissionDraft(
    Mailbox SenderMailbox,
    string SenderAddress,
    IReadOnlyList<RecipientInput> Recipients,
    string? Subject,
    string? SenderReference,
    ConsignmentMode Mode,
    DateTimeOffset? ExpiresAt,
    IReadOnlyDictionary<string, Mailbox> KnownMailboxes);
