using Erds.Persistence.Entities;

namespace Erds.Persistence.Tests.Support;

// Minimal valid rows for tests that need something to store.
public static class Seed
{
    public static Organisation Organisation(string? handle = null) => new()
    {
        Id = Guid.NewGuid(),
        Handle = handle ?? "org-" + Guid.NewGuid().ToString("N")[..12],
        LegalName = "Rechtbank Amsterdam",
        CreatedAt = DateTimeOffset.UtcNow,
    };

    public static Mailbox Mailbox(Guid organisationId, string? address = null)
    {
        address ??= $"griffie-{Guid.NewGuid():N}@rechtbank.example";
        return new Mailbox
        {
            Id = Guid.NewGuid(), OrganisationId = organisationId, Address = address, AddressKey = Entities.Mailbox.KeyOf(address),
            DisplayName = "Griffie", IsFunctional = true, CreatedAt = DateTimeOffset.UtcNow,
        };
    }
}
