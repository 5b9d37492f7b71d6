using System.CommandLine;
using Erds.Contracts;
using Erds.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Erds.Cli.Commands;

// Delivery events whose evidence could not be sealed as recorded wait in the database, parked with
// their reason, in both modes. The operator lists them, mends what they recorded (an organisation's
// name with a control character, say), and releases them: the evidence service tries them again.
internal static class ParkedEventCommands
{
    public static Command CreateList()
    {
        var database = new DatabaseOptions();
        var list = new Command("parked", "List delivery events whose evidence cannot be sealed as recorded, with the reason.");
        database.AddTo(list);
        CliAction.Set(list, async (parse, cancellationToken) =>
        {
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var parked = await db.ParkedDeliveryEvents.AsNoTracking().OrderBy(p => p.ParkedAt).ToListAsync(cancellationToken);
            foreach (var p in parked)
            {
                Console.WriteLine($"{p.ParkedAt.UtcDateTime:u}\t{p.DeliveryEventId}\t{p.EventName}\tmessage {p.MessageId} recipient {p.RecipientIndex}\t{TerminalText.Printable(p.Reason)}");
            }
            Console.WriteLine($"{parked.Count} parked delivery event(s)");
        });
        return list;
    }

    public static Command CreateRelease()
    {
        var ids = new Argument<Guid[]>("delivery-event-id") { Description = "Parked delivery events to try again.", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Release every parked delivery event." };
        var database = new DatabaseOptions();
        var release = new Command("release", "Try parked delivery events again, once what they recorded is mended.") { ids, all };
        database.AddTo(release);
        CliAction.Set(release, async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(ids) ?? [];
            if (chosen.Length == 0 == !parse.GetValue(all)) throw new CliError("Name the delivery events to release, or give --all (not both).");
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var query = db.ParkedDeliveryEvents.AsQueryable();
            if (chosen.Length > 0) query = query.Where(p => chosen.Contains(p.DeliveryEventId));
            var parked = await query.ToListAsync(cancellationToken);
            var missing = chosen.Except(parked.Select(p => p.DeliveryEventId)).ToList();
            if (missing.Count > 0) throw new CliError($"Not parked: {string.Join(", ", missing)}. See 'erds faults parked'.");
            var now = DateTimeOffset.UtcNow;
            // Released and announced in one transaction: the provider's outbox dispatcher publishes the
            // announcements, and a release that fails leaves everything parked.
            foreach (var p in parked)
            {
                db.ParkedDeliveryEvents.Remove(p);
                db.Enqueue(new DeliveryEventRecorded
                {
                    DeliveryEventId = p.DeliveryEventId, MessageId = p.MessageId, RecipientIndex = p.RecipientIndex, EventName = p.EventName,
                }, now);
            }
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"released {parked.Count} delivery event(s); the evidence service tries them again");
        });
        return release;
    }
}
