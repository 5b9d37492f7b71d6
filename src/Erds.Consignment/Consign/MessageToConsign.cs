using Erds.Persistence.Entities;

namespace Erds.Consignment.Consign;

// All that consigning and notifying one message needs, read in one query (ConsignmentQueries).
// Only the recipients with a local mailbox: the others are relayed, not consigned.
// AlreadyConsumed: the bus message being handled is in the inbox (false without a receipt).
public sealed record MessageToConsign(
    Guid Id, MessageStatus Status, ConsignmentMode Mode, string SenderAddress, string SenderLegalName, DateTimeOffset? ExpiresAt,
    bool AlreadyConsumed, List<LocalRecipient> Recipients);

// The recipient is tracked, so that consigning it is an update checked against its version.
public sealed record LocalRecipient(MessageRecipient Recipient, string MailboxAddress, string? NotificationAddress);
