namespace Erds.Persistence.Entities;

// A person acting for an organisation, e.g. a clerk who sends from a functional mailbox.
public sealed class OrganisationUser
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
