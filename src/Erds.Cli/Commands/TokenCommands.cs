using System.CommandLine;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.Cli.Commands;

// API tokens: issued with scopes and an expiry, rotated without downtime (the new token works at once,
// the old one until the overlap ends), revoked. Each of these is recorded in the access log, in the
// same transaction as the change itself. Secrets are shown once, at issue and rotation, and never stored.
internal static class TokenCommands
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(365);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3 * 365);

    public static Command Create()
    {
        var database = new DatabaseOptions();
        return new Command("token", "API tokens (operator).") { Issue(database), Rotate(database), Revoke(database), TokenListCommand.Create(database) };
    }

    private static Command Issue(DatabaseOptions database)
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
        var scopes = ScopesOption();
        var expires = ExpiresOption();
        var issue = new Command("issue", "Issue an API token; it is shown once and only its hash is kept.") { org, user, label, assurance, scopes, expires };
        database.AddTo(issue);
        CliAction.Set(issue, async (parse, cancellationToken) =>
        {
            var now = DateTimeOffset.UtcNow;
            var scopeList = ApiScopes.Normalize(parse.GetValue(scopes)!, out var error) ?? throw new CliError($"--scopes: {error}.");
            var expiresAt = Expiry(parse.GetValue(expires)!, now);
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var organisation = await OrganisationCommands.FindAsync(db, parse.GetValue(org)!, cancellationToken);
            Guid? userId = null;
            if (parse.GetValue(user) is { } email)
            {
                userId = (await db.Users.SingleOrDefaultAsync(u => u.OrganisationId == organisation.Id && u.Email == email, cancellationToken)
                    ?? throw new CliError($"No user {email} in {organisation.Handle}.")).Id;
            }
            var (token, credential) = NewCredential(organisation.Id, userId, parse.GetValue(label)!, $"http://eidas.europa.eu/LoA/{parse.GetValue(assurance)}",
                scopeList, now, expiresAt);
            db.ApiCredentials.Add(credential);
            db.AccessLog.Add(Record(AccessActions.TokenIssue, credential, now, $"scopes {credential.Scopes}; expires {expiresAt:O}; label {credential.Label}"));
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine(token);
        });
        return issue;
    }

    private static Command Rotate(DatabaseOptions database)
    {
        var id = CredentialArgument();
        var overlap = new Option<string>("--overlap")
        {
            Description = "How long the old token keeps working beside the new one, for the clients to switch (7d, 36h, 0).",
            DefaultValueFactory = _ => "7d",
        };
        var expires = ExpiresOption();
        var rotate = new Command("rotate",
            "Issue a new token with the same organisation, user, scopes and level of assurance; the old one expires after the overlap. "
            + "Prints the new token (once).") { id, overlap, expires };
        database.AddTo(rotate);
        CliAction.Set(rotate, async (parse, cancellationToken) =>
        {
            var now = DateTimeOffset.UtcNow;
            if (!CliTimes.TryParseDuration(parse.GetValue(overlap)!, out var overlapTime)) throw new CliError("--overlap: write a duration such as 7d, 36h or 0.");
            var expiresAt = Expiry(parse.GetValue(expires)!, now);
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var old = await FindAsync(db, parse.GetValue(id), cancellationToken);
            if (old.RevokedAt is not null) throw new CliError($"Token {old.Id} was revoked; issue a new one instead.");
            if (old.IsExpiredAt(now)) throw new CliError($"Token {old.Id} expired at {old.ExpiresAt:O}; issue a new one instead.");
            var (token, replacement) = NewCredential(old.OrganisationId, old.UserId, old.Label, old.AssuranceLevel, old.Scopes, now, expiresAt);
            // Never lengthened: a token that expires within the overlap keeps its own expiry.
            var oldExpiresAt = now + overlapTime;
            if (old.ExpiresAt is null || oldExpiresAt < old.ExpiresAt) old.ExpiresAt = oldExpiresAt;
            db.ApiCredentials.Add(replacement);
            db.AccessLog.Add(Record(AccessActions.TokenRotate, old, now,
                $"replaced by {replacement.Id} (scopes {replacement.Scopes}; expires {expiresAt:O}); this token expires {old.ExpiresAt:O}"));
            await db.SaveChangesAsync(cancellationToken);
            Console.Error.WriteLine($"token {old.Id} keeps working until {old.ExpiresAt:O}; its replacement {replacement.Id} expires {expiresAt:O}");
            Console.WriteLine(token);
        });
        return rotate;
    }

    private static Command Revoke(DatabaseOptions database)
    {
        var id = CredentialArgument();
        var revoke = new Command("revoke", "Revoke an API token: refused within Erds:Submission:CredentialCacheDuration (5 s).") { id };
        database.AddTo(revoke);
        CliAction.Set(revoke, async (parse, cancellationToken) =>
        {
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var credential = await FindAsync(db, parse.GetValue(id), cancellationToken);
            if (credential.RevokedAt is not null) throw new CliError($"Token {credential.Id} was already revoked at {credential.RevokedAt:O}.");
            var now = DateTimeOffset.UtcNow;
            credential.RevokedAt = now;
            db.AccessLog.Add(Record(AccessActions.TokenRevoke, credential, now, null));
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"token {credential.Id} revoked");
        });
        return revoke;
    }

    private static (string Token, ApiCredential Credential) NewCredential(
        Guid organisationId, Guid? userId, string label, string assuranceLevel, string scopes, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var (token, id, hash) = ApiTokens.Create();
        return (token, new ApiCredential
        {
            Id = id, OrganisationId = organisationId, UserId = userId, Label = label, SecretHash = hash, AssuranceLevel = assuranceLevel,
            Scopes = scopes, CreatedAt = now, ExpiresAt = expiresAt,
        });
    }

    private static AccessLogEntry Record(string action, ApiCredential credential, DateTimeOffset now, string? detail) => new()
    {
        At = now, Action = action, OrganisationId = credential.OrganisationId, CredentialId = credential.Id, UserId = credential.UserId,
        Operator = OperatorIdentity.Current, Detail = detail,
    };

    private static DateTimeOffset Expiry(string text, DateTimeOffset now)
    {
        var expiresAt = CliTimes.FromNow(text, now, "--expires");
        if (expiresAt <= now) throw new CliError("--expires must lie in the future.");
        if (expiresAt - now > MaxLifetime) throw new CliError($"--expires is at most {MaxLifetime.TotalDays:F0} days ahead: rotate tokens instead of keeping them for ever.");
        return expiresAt;
    }

    private static Option<string> ScopesOption() => new("--scopes")
    {
        Description = $"What the token may do, comma-separated: {string.Join(", ", ApiScopes.All)} (default: {ApiScopes.Default.Replace(' ', ',')}; administer only when named).",
        DefaultValueFactory = _ => ApiScopes.Default,
    };

    private static Option<string> ExpiresOption() => new("--expires")
    {
        Description = $"When the token stops working: a duration from now (90d, 36h) or an instant (2027-06-30). Default {DefaultLifetime.TotalDays:F0}d, at most {MaxLifetime.TotalDays:F0}d.",
        DefaultValueFactory = _ => $"{DefaultLifetime.TotalDays:F0}d",
    };

    private static Argument<Guid> CredentialArgument() => new("credential-id") { Description = "The id inside the token: erds_<id>_... (see erds token list)." };

    private static async Task<ApiCredential> FindAsync(ErdsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.ApiCredentials.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new CliError("No such token.");
}
