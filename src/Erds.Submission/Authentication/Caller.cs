using System.Globalization;
using System.Security.Claims;
using Erds.Persistence.Entities;

namespace Erds.Submission.Authentication;

// Who is calling, as established by authentication; every query is scoped by OrganisationId.
public sealed record Caller(Guid OrganisationId, Guid CredentialId, Guid? UserId, string AssuranceLevel, DateTimeOffset AuthenticatedAt)
{
    public string AuthenticationMethod => AuthenticationMethods.ApiToken;

    public static Caller From(ClaimsPrincipal user)
    {
        string Get(string type) => user.FindFirstValue(type) ?? throw new InvalidOperationException($"Authenticated principal lacks claim {type}.");
        var userId = user.FindFirstValue(CallerClaims.UserId);
        return new Caller(
            Guid.Parse(Get(CallerClaims.OrganisationId)),
            Guid.Parse(Get(CallerClaims.CredentialId)),
            userId is null ? null : Guid.Parse(userId),
            Get(CallerClaims.AssuranceLevel),
            DateTimeOffset.Parse(Get(CallerClaims.AuthenticatedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }
}
