using Erds.Persistence.Entities;

namespace Erds.Submission.Inbox;

// A message together with the one recipient entry the caller acts as.
public sealed record RecipientCopy(Message Message, MessageRecipient Recipient, Mailbox Mailbox);
