namespace Erds.Consignment.Notify;

// What a recipient is told: who sent a registered message and where to fetch it. Never the content,
// and not the subject either, which may itself be confidential.
public sealed record Notification(Guid MessageId, string To, string SenderAddress, string SenderOrganisation,
    string Mailbox, bool AsksForAcceptance, DateTimeOffset? ExpiresAt, string RetrievalUrl);
