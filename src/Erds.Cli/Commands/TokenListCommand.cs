using System.CommandLine;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.Cli.Commands;

// The tokens of an organisation, never their secrets: what they may do, until when, and when they
// were last used (to the hour; see CredentialCache).
internal static class TokenListCommand
{
    public static Command Create(DatabaseOptions database)
    {
        var org = new Option<string>("--org") { Description = "Organisation handle.", Required = true };
        var all = new Option<bool>("--all") { Description = "Also revoked and expired tokens." };
        var list = new Command("list", "List an organisation's API tokens (id, label, user, scopes, expiry, last use; never secrets).") { org, all };
        database.AddTo(list);
        CliAction.Set(list, async (parse, cancellationToken) =>
        {
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var organisation = await OrganisationCommands.FindAsync(db, parse.GetValue(org)!, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var tokens = await (from c in db.ApiCredentials.AsNoTracking()
                                where c.OrganisationId == organisation.Id
                                join u in db.Users on c.UserId equals u.Id into users
                                from u in users.DefaultIfEmpty()
                                select new { Credential = c, Email = u == null ? null : u.Email }).ToListAsync(cancellationToken);
            Console.WriteLine("id\tlabel\tuser\tscopes\tassurance\tcreated\texpires\tlast used\tstate");
            foreach (var t in tokens.OrderBy(t => t.Credential.CreatedAt))
            {
                var c = t.Credential;
                var state = c.RevokedAt is not null ? "revoked " + c.RevokedAt.Value.ToString("O")
                    : c.IsExpiredAt(now) ? "expired"
                    : c.ExpiresAt is null ? "active, never expires: rotate it"
                    : "active";
                if (!parse.GetValue(all) && state is not ("active" or "active, never expires: rotate it")) continue;
                Console.WriteLine(string.Join('\t', c.Id, c.Label, t.Email ?? "-", c.Scopes.Replace(' ', ','), c.AssuranceLevel.Split('/')[^1],
                    c.CreatedAt.ToString("O"), c.ExpiresAt?.ToString("O") ?? "never", c.LastUsedAt?.ToString("O") ?? "never", state));
            }
        });
        return list;
    }
}
