using System.CommandLine;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.Cli.Commands;

internal static class TokenCommands
{
    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "Organisation handle.", Required = true };
        var user = new Option<string?>("--user") { Description = "E-mail of the user the token is for (omit for a system token)." };
        var label = new Option<string>("--label") { Description = "What the token is for.", DefaultValueFactory = _ => "api" };
        var assurance = new Option<string>("--assurance")
        {
            Description = "eIDAS level of assurance of the identification behind the token: low, substantial or high.",
            DefaultValueFactory = _ => "low",
        };
        assurance.AcceptOnlyFromAmong("low", "substantial", "high");
        var database = new DatabaseOptions();
        var issue = new Command("issue", "Issue an API token; it is shown once and only its hash is kept.") { org, user, label, assurance };
        database.AddTo(issue);
        CliAction.Set(issue, async (parse, cancellationToken) =>
        {
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var organisation = await OrganisationCommands.FindAsync(db, parse.GetValue(org)!, cancellationToken);
            Guid? userId = null;
            if (parse.GetValue(user) is { } email)
            {
                userId = (await db.Users.SingleOrDefaultAsync(u => u.OrganisationId == organisation.Id && u.Email == email, cancellationToken)
                    ?? throw new CliError($"No user {email} in {organisation.Handle}.")).Id;
            }
            var (token, id, hash) = ApiTokens.Create();
            db.ApiCredentials.Add(new ApiCredential
            {
                Id = id, OrganisationId = organisation.Id, UserId = userId, Label = parse.GetValue(label)!, SecretHash = hash,
                AssuranceLevel = $"http://eidas.europa.eu/LoA/{parse.GetValue(assurance)}", CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine(token);
        });

        var id = new Argument<Guid>("credential-id") { Description = "The id inside the token: erds_<id>_..." };
        var revoke = new Command("revoke", "Revoke an API token.") { id };
        database.AddTo(revoke);
        CliAction.Set(revoke, async (parse, cancellationToken) =>
        {
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var credential = await db.ApiCredentials.SingleOrDefaultAsync(c => c.Id == parse.GetValue(id), cancellationToken)
                ?? throw new CliError("No such token.");
            credential.RevokedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"token {credential.Id} revoked");
        });
        return new Command("token", "API tokens (operator).") { issue, revoke };
    }
}
