using Erds.Contracts;

namespace Erds.Submission.Authentication;

// The claims of an authenticated caller. Identifiers are named like the log properties, so that the
// request logging (ServiceDefaults) puts them on every request's line without knowing this module.
public static class CallerClaims
{
    public const string OrganisationId = LogProperties.OrganisationId;
    public const string CredentialId = LogProperties.CredentialId;
    public const string UserId = LogProperties.UserId;
    public const string AssuranceLevel = "erds:loa";
    public const string AuthenticatedAt = "erds:auth_time";

    // One claim per scope the token holds (ApiScopes).
    public const string Scope = "scope";
}
