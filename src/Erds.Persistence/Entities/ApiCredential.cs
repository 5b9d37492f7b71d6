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

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
}
