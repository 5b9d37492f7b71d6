namespace Erds.Persistence.Entities;

// An address of an organisation that sends and receives registered messages. Functional mailboxes
// (griffie@..., secretariaat@...) are shared by the organisation's users.
public sealed class Mailbox
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }

    // The address exactly as registered; evidence carries it unchanged.
    public required string Address { get; init; }

    // Lower-cased address used only to find the mailbox; never shown or written into evidence.
    public required string AddressKey { get; init; }

    public required string DisplayName { get; set; }

    // Where the "a registered message is waiting" notice goes; the mailbox address when null.
    public string? NotificationAddress { get; set; }

    public bool IsFunctional { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    // Only ASCII letters are folded: Unicode case mapping would let look-alikes (the Kelvin sign for
    // K, a dotted capital I) reach a real mailbox.
    public static string KeyOf(string address) =>
        string.Create(address.Trim().Length, address.Trim(), (span, value) =>
        {
            for (var i = 0; i < value.Length; i++) span[i] = value[i] is >= 'A' and <= 'Z' ? (char)(value[i] + 32) : value[i];
        });
}
