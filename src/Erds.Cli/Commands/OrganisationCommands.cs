using System.CommandLine;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.Cli.Commands;

internal static class OrganisationCommands
{
    public static Command Create()
    {
        var handle = new Option<string>("--handle") { Description = "Short unique name, e.g. rechtbank-amsterdam.", Required = true };
        var name = new Option<string>("--name") { Description = "Legal name, written into evidence.", Required = true };
        var legalId = new Option<string?>("--legal-id") { Description = "Registration number (chamber of commerce, OIN)." };
        var database = new DatabaseOptions();
        var add = new Command("add", "Register an organisation.") { handle, name, legalId };
        database.AddTo(add);
        CliAction.Set(add, async (parse, cancellationToken) =>
        {
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var h = parse.GetValue(handle)!.Trim().ToLowerInvariant();
            if (await db.Organisations.AnyAsync(o => o.Handle == h, cancellationToken)) throw new CliError($"Organisation '{h}' already exists.");
            var organisation = new Organisation
            {
                Id = Guid.NewGuid(), Handle = RecordedText.Require(h, "The handle"), LegalName = RecordedText.Require(parse.GetValue(name)!, "The legal name"),
                LegalIdentifier = RecordedText.Optional(parse.GetValue(legalId), "The legal identifier"), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"organisation {organisation.Handle} ({organisation.LegalName}) added: {organisation.Id}");
        });

        var list = new Command("list", "List organisations with their mailboxes.");
        database.AddTo(list);
        CliAction.Set(list, async (parse, cancellationToken) =>
        {
            await using var db = await database.OpenAsync(parse, cancellationToken);
            foreach (var o in await db.Organisations.Include(o => o.Mailboxes).OrderBy(o => o.Handle).ToListAsync(cancellationToken))
            {
                Console.WriteLine($"{o.Handle}\t{o.LegalName}\t{string.Join(", ", o.Mailboxes.Select(m => m.Address))}");
            }
        });
        return new Command("org", "Organisations (operator).") { add, list };
    }

    public static async Task<Organisation> FindAsync(Persistence.ErdsDbContext db, string handle, CancellationToken cancellationToken) =>
        await db.Organisations.SingleOrDefaultAsync(o => o.Handle == handle.Trim().ToLowerInvariant(), cancellationToken)
        ?? throw new CliError($"No organisation '{handle}'. See 'erds org list'.");
}
