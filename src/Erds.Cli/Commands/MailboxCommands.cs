using System.CommandLine;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.Cli.Commands;

internal static class MailboxCommands
{
    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "Organisation handle.", Required = true };
        var address = new Option<string>("--address") { Description = "The mailbox address, kept exactly as given.", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name." };
        var notify = new Option<string?>("--notify") { Description = "Where notifications go (default: the mailbox address)." };
        var functional = new Option<bool>("--functional") { Description = "A shared mailbox of the organisation (griffie@, secretariaat@)." };
        var database = new DatabaseOptions();
        var add = new Command("add", "Register a mailbox of an organisation.") { org, address, name, notify, functional };
        database.AddTo(add);
        CliAction.Set(add, async (parse, cancellationToken) =>
        {
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var organisation = await OrganisationCommands.FindAsync(db, parse.GetValue(org)!, cancellationToken);
            var value = RecordedText.Require(parse.GetValue(address)!, "The mailbox address");
            if (!value.Contains('@') || value.Any(char.IsWhiteSpace)) throw new CliError($"'{value}' is not a mailbox address.");
            var key = Mailbox.KeyOf(value);
            if (await db.Mailboxes.AnyAsync(m => m.AddressKey == key, cancellationToken)) throw new CliError($"Mailbox {value} already exists.");
            var mailbox = new Mailbox
            {
                Id = Guid.NewGuid(), OrganisationId = organisation.Id, Address = value, AddressKey = key,
                DisplayName = RecordedText.Optional(parse.GetValue(name), "The display name") ?? value,
                NotificationAddress = RecordedText.Optional(parse.GetValue(notify), "The notification address"),
                IsFunctional = parse.GetValue(functional), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Mailboxes.Add(mailbox);
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"mailbox {mailbox.Address} added to {organisation.Handle}");
        });
        return new Command("mailbox", "Mailboxes (operator).") { add };
    }
}
