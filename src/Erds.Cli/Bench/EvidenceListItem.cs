namespace Erds.Cli.Bench;

// The fields of GET /api/v1/messages/evidence that the bench needs.
internal sealed record EvidenceListItem(string Event, int RecipientIndex, DateTimeOffset IssuedAt);

internal sealed record MessageEvidenceItems(Guid MessageId, IReadOnlyList<EvidenceListItem>? Evidence);

internal sealed record EvidenceOfMessages(IReadOnlyList<MessageEvidenceItems> Messages);
