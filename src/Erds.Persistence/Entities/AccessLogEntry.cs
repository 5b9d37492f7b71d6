namespace Erds.Persistence.Entities;

// One access to something an auditor asks about afterwards: content retrieved, evidence read, a failed
// authentication, a token issued, rotated or revoked. Append-only: the application adds rows and never
// changes or deletes one (ErdsDbContext refuses it).
public sealed class AccessLogEntry
{
    // Increasing in the order rows were written: the cursor of "newest first" pages.
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    // AccessActions.
    public required string Action { get; init; }

    // The HTTP status the caller was answered with; null for operator commands (which record only what they did).
    public int? Status { get; init; }

    // Whose log it is. Null when nobody can be named, e.g. a token whose credential does not exist.
    public Guid? OrganisationId { get; init; }

    public Guid? CredentialId { get; init; }
    public Guid? UserId { get; init; }

    // The client's address as the API saw it (behind a proxy: see docs/operations.md, forwarded headers).
    public string? ClientAddress { get; init; }

    // For operator commands: who ran it where (user@machine); null for API requests.
    public string? Operator { get; init; }

    public Guid? MessageId { get; init; }
    public Guid? EvidenceId { get; init; }

    // What else identifies the access: the messages of a many-messages read, the reason a token was
    // refused, the scopes and expiry a token was issued with. Never content, never a secret.
    public string? Detail { get; init; }

    // The request's X-Correlation-Id, to find its log lines.
    public string? CorrelationId { get; init; }

    public const int DetailMaxLength = 4000;
}
