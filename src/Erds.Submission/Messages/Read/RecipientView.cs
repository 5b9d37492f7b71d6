namespace Erds.Submission.Messages.Read;

public sealed record RecipientView(int Index, string Identifier, string Scheme, string Status,
    DateTimeOffset? ConsignedAt, DateTimeOffset? NotifiedAt, DateTimeOffset? DecidedAt, DateTimeOffset? HandedOverAt);
