using System.CommandLine;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.Cli.Commands;

// The access log as the provider's operator reads it, from the database like the other operator
// commands: one organisation's entries, or everyone's, including failed authentications that could be
// attributed to no organisation (an unknown or malformed token).
internal static class AccessLogCommand
{
    public static Command Create()
    {
        var org = new Option<string?>("--org") { Description = "Only this organisation's entries (default: all, including those of no organisation)." };
        var unattributed = new Option<bool>("--unattributed") { Description = "Only entries of no organisation (failed authentication with an unknown or malformed token)." };
        var since = new Option<string?>("--since") { Description = "From this instant (2026-12-01T00:00:00Z) or this long ago (24h, 7d)." };
        var until = new Option<string?>("--until") { Description = "Before this instant or this long ago." };
        var action = new Option<string?>("--action") { Description = $"Only this action: {string.Join(", ", AccessActions.All)}." };
        action.AcceptOnlyFromAmong([.. AccessActions.All]);
        var limit = new Option<int>("--limit") { Description = "At most this many entries, newest first.", DefaultValueFactory = _ => 100 };
        var database = new DatabaseOptions();
        var command = new Command("access-log", "Who accessed what, newest first: content retrieved, evidence read, failed authentication, tokens (operator).")
        {
            org, unattributed, since, until, action, limit,
        };
        database.AddTo(command);
        CliAction.Set(command, async (parse, cancellationToken) =>
        {
            if (parse.GetValue(limit) is < 1 or > 100_000) throw new CliError("--limit must be between 1 and 100000.");
            var now = DateTimeOffset.UtcNow;
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var query = db.AccessLog.AsNoTracking();
            if (parse.GetValue(org) is { } handle)
            {
                if (parse.GetValue(unattributed)) throw new CliError("--org and --unattributed exclude each other.");
                var organisation = await OrganisationCommands.FindAsync(db, handle, cancellationToken);
                query = query.Where(e => e.OrganisationId == organisation.Id);
            }
            else if (parse.GetValue(unattributed))
            {
                query = query.Where(e => e.OrganisationId == null);
            }
            if (parse.GetValue(since) is { } from)
            {
                var instant = CliTimes.Ago(from, now, "--since");
                query = query.Where(e => e.At >= instant);
            }
            if (parse.GetValue(until) is { } to)
            {
                var instant = CliTimes.Ago(to, now, "--until");
                query = query.Where(e => e.At < instant);
            }
            if (parse.GetValue(action) is { } name) query = query.Where(e => e.Action == name);
            var entries = await query.OrderByDescending(e => e.Id).Take(parse.GetValue(limit)).ToListAsync(cancellationToken);
            var handles = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Handle, cancellationToken);
            Console.WriteLine("id\tat\taction\tstatus\torganisation\tcredential\tuser\tfrom\tmessage\tevidence\tdetail");
            foreach (var e in entries)
            {
                Console.WriteLine(string.Join('\t', e.Id, e.At.ToString("O"), e.Action, e.Status?.ToString() ?? "-",
                    e.OrganisationId is { } o ? handles.GetValueOrDefault(o, o.ToString()) : "-", Or(e.CredentialId), Or(e.UserId),
                    e.Operator is not null ? "operator " + e.Operator : e.ClientAddress ?? "-", Or(e.MessageId), Or(e.EvidenceId),
                    TerminalText.Printable(e.Detail ?? "-")));
            }
        });
        return command;
    }

    private static string Or(Guid? id) => id?.ToString() ?? "-";
}
