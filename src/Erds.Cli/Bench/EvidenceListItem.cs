namespace Erds.Cli.Bench;

// The fields of GET .../evidence that the bench needs.
internal sealed record EvidenceListItem(string Event, int RecipientIndex, DateTimeOffset IssuedAt);
