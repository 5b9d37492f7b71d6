using System.Security.Claims;
using System.Text.Encodings.Web;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Submission.Authentication;

// Authenticates "Authorization: Bearer erds_..." against the stored credential. The time of
// authentication and the credential's assurance level become claims, because evidence states them.
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ErdsDbContext db, CredentialCache credentials, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("Not a bearer token.");
        if (!ApiTokens.TryParse(header["Bearer ".Length..].Trim(), out var credentialId, out var secret))
        {
            return AuthenticateResult.Fail("Malformed API token.");
        }
        var credential = await credentials.FindAsync(db, credentialId, Context.RequestAborted);
        if (credential is null || credential.RevokedAt is not null || !ApiTokens.Matches(secret, credential.SecretHash))
        {
            return AuthenticateResult.Fail("Unknown or revoked API token.");
        }
        List<Claim> claims =
        [
            new(CallerClaims.OrganisationId, credential.OrganisationId.ToString()),
            new(CallerClaims.CredentialId, credential.Id.ToString()),
            new(CallerClaims.AssuranceLevel, credential.AssuranceLevel),
            new(CallerClaims.AuthenticatedAt, time.GetUtcNow().ToString("O")),
        ];
        if (credential.UserId is { } userId) claims.Add(new(CallerClaims.UserId, userId.ToString()));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
