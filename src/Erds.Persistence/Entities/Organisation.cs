namespace Erds.Persistence.Entities;

// An organisation using the service: a court, a law firm, a care provider.
public sealed class Organisation
{
    public Guid Id { get; init; }

    // Short unique handle used by operators and the CLI, e.g. "rechtbank-amsterdam".
    public required string Handle { get; init; }

    public required string LegalName { get; set; }

    // Registration number (chamber of commerce, OIN), written into evidence when known.
    public string? LegalIdentifier { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<Mailbox> Mailboxes { get; init; } = [];
    public List<OrganisationUser> Users { get; init; } = [];
}
