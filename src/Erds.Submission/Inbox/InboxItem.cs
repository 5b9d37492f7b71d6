namespace Erds.Submission.Inbox;

// A message as its recipient sees it in the inbox list.
public sealed record InboxItem(Guid MessageId, int RecipientIndex, string Mailbox, string From, string? Subject,
    string ConsignmentMode, string Status, DateTimeOffset SubmittedAt, DateTimeOffset? ExpiresAt);
