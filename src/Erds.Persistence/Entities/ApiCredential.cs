namespace Erds.Persistence.Entities;

// An API token of an organisation. Only the SHA-256 of its secret is stored.
public sealed class ApiCredential
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }

    // The user the token was issued to, when it belongs to a person rather than a system.
    public Guid? UserId { get; init; }

    public required string Label { get; init; }
    public required byte[] SecretHash { get; init; }

    // eIDAS level of assurance of the identification behind this credential.
    public required string AssuranceLevel { get; init; }

    // What the token may do: ApiScopes names separated by spaces (as OAuth writes a scope).
    // Tokens issued before scopes existed were given ApiScopes.Legacy by the migration that added them.
    public required string Scopes { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    // Refused from this instant on. Every token issued since expiry existed has one; null only on tokens
    // issued before, which keep working as they did (erds token list shows them as "never"; rotate them).
    // Shortened by a rotation, to let the old token run out after the overlap.
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    // When the token last authenticated a request, to within ApiCredentialUse.Resolution: kept coarse,
    // so that authenticating does not write to the database on every request.
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expiresAt && expiresAt <= now;
}
