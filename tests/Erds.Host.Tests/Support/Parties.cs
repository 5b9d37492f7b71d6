using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.Host.Tests.Support;

// Three organisations: a court that sends, a law firm that receives, and an outsider that must see nothing.
public sealed record Parties(Party Court, Party Firm, Party Outsider)
{
    public static async Task<Parties> SeedAsync(TestProvider provider)
    {
        await using var scope = provider.Database();
        var db = scope.Db;
        Party Add(string handle, string legalName, string mailbox, string? user)
        {
            var organisation = new Organisation { Id = Guid.NewGuid(), Handle = handle, LegalName = legalName, LegalIdentifier = "KVK-" + handle, CreatedAt = DateTimeOffset.UtcNow };
            db.Organisations.Add(organisation);
            db.Mailboxes.Add(new Mailbox
            {
                Id = Guid.NewGuid(), OrganisationId = organisation.Id, Address = mailbox, AddressKey = Mailbox.KeyOf(mailbox),
                DisplayName = mailbox, IsFunctional = true, CreatedAt = DateTimeOffset.UtcNow,
            });
            Guid? userId = null;
            if (user is not null)
            {
                userId = Guid.NewGuid();
                db.Users.Add(new OrganisationUser { Id = userId.Value, OrganisationId = organisation.Id, Name = "Clerk " + handle, Email = user, CreatedAt = DateTimeOffset.UtcNow });
            }
            var (token, id, hash) = ApiTokens.Create();
            db.ApiCredentials.Add(new ApiCredential
            {
                Id = id, OrganisationId = organisation.Id, UserId = userId, Label = "test", SecretHash = hash,
                AssuranceLevel = AssuranceLevels.Substantial, Scopes = ApiScopes.Default, CreatedAt = DateTimeOffset.UtcNow,
            });
            return new Party(handle, mailbox, token);
        }
        var parties = new Parties(
            Add("rechtbank", "Rechtbank Amsterdam", "Griffie@Rechtbank.example", "clerk@rechtbank.example"),
            Add("advocaat", "Advocatenkantoor De Vries", "kantoor@advocaat.example", null),
            Add("derde", "Derde Partij B.V.", "info@derde.example", null));
        await db.SaveChangesAsync();
        return parties;
    }
}

public sealed record Party(string Handle, string Mailbox, string Token)
{
    // Another token of this party's organisation (and user, if any), with the given scopes and expiry.
    public async Task<(string Token, Guid CredentialId)> IssueTokenAsync(TestProvider provider, string scopes, DateTimeOffset? expiresAt = null)
    {
        await using var scope = provider.Database();
        ApiTokens.TryParse(Token, out var existingId, out _);
        var existing = await scope.Db.ApiCredentials.AsNoTracking().SingleAsync(c => c.Id == existingId);
        var (token, id, hash) = ApiTokens.Create();
        scope.Db.ApiCredentials.Add(new ApiCredential
        {
            Id = id, OrganisationId = existing.OrganisationId, UserId = existing.UserId, Label = "test " + scopes, SecretHash = hash,
            AssuranceLevel = existing.AssuranceLevel, Scopes = scopes, CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = expiresAt,
        });
        await scope.Db.SaveChangesAsync();
        return (token, id);
    }
}
