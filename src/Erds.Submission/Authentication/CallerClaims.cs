namespace Erds.Submission.Authentication;

public static class CallerClaims
{
    public const string OrganisationId = "erds:org";
    public const string CredentialId = "erds:credential";
    public const string UserId = "erds:user";
    public const string AssuranceLevel = "erds:loa";
    public const string AuthenticatedAt = "erds:auth_time";
}
