using System.Security.Claims;
using System.Text.Encodings.Web;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Submission.AccessLog;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Submission.Authentication;

// Authenticates "Authorization: Bearer erds_..." against the stored credential. The time of
// authentication and the credential's assurance level become claims, because evidence states them;
// its scopes become claims that each endpoint's scope requirement checks (ApiScopeAuthorization).
// Refusals are answered as RFC 6750 describes (WWW-Authenticate: Bearer, with error="invalid_token"
// or "insufficient_scope") with a problem+json body, and recorded in the access log first.
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ErdsDbContext db, CredentialCache credentials, TimeProvider time, AccessRecorder accessLog)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail(new TokenRejection("not-bearer", "Authenticate with 'Authorization: Bearer erds_...'."));
        }
        if (!ApiTokens.TryParse(header["Bearer ".Length..].Trim(), out var credentialId, out var secret))
        {
            return AuthenticateResult.Fail(new TokenRejection("malformed", TokenRejection.InvalidTokenDetail));
        }
        var credential = await credentials.FindAsync(db, credentialId, Context.RequestAborted);
        if (credential is null)
        {
            return AuthenticateResult.Fail(new TokenRejection("unknown credential", TokenRejection.InvalidTokenDetail, credentialId));
        }
        if (!ApiTokens.Matches(secret, credential.SecretHash))
        {
            return AuthenticateResult.Fail(Rejection(credential, "wrong secret", TokenRejection.InvalidTokenDetail));
        }
        if (credential.RevokedAt is { } revokedAt)
        {
            return AuthenticateResult.Fail(Rejection(credential, "revoked", $"This API token was revoked at {revokedAt:O}."));
        }
        // Checked on every request against the cached credential: a token is refused from its expiry
        // on, not once the cache entry is renewed.
        var now = time.GetUtcNow();
        if (credential.IsExpiredAt(now))
        {
            return AuthenticateResult.Fail(Rejection(credential, "expired", $"This API token expired at {credential.ExpiresAt:O}."));
        }
        await credentials.NoteUseAsync(db, credential, now, Context.RequestAborted);
        List<Claim> claims =
        [
            new(CallerClaims.OrganisationId, credential.OrganisationId.ToString()),
            new(CallerClaims.CredentialId, credential.Id.ToString()),
            new(CallerClaims.AssuranceLevel, credential.AssuranceLevel),
            new(CallerClaims.AuthenticatedAt, now.ToString("O")),
        ];
        if (credential.UserId is { } userId) claims.Add(new(CallerClaims.UserId, userId.ToString()));
        claims.AddRange(ApiScopes.Split(credential.Scopes).Select(scope => new Claim(CallerClaims.Scope, scope)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var rejection = result.Failure as TokenRejection;
        await accessLog.RecordFailedAuthenticationAsync(Context, rejection, StatusCodes.Status401Unauthorized);
        await BearerAnswers.UnauthorizedAsync(Context, rejection);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var required = Context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>()?.Scope;
        var held = Context.User.FindAll(CallerClaims.Scope).Select(c => c.Value).ToList();
        await accessLog.RecordScopeDeniedAsync(Context, required, StatusCodes.Status403Forbidden);
        await BearerAnswers.InsufficientScopeAsync(Context, required, held);
    }

    private static TokenRejection Rejection(ApiCredential credential, string reason, string detail) =>
        new(reason, detail, credential.Id, credential.OrganisationId, credential.UserId);
}
