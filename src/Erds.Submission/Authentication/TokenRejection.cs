namespace Erds.Submission.Authentication;

// Why a bearer token was refused, for the access log and the 401 answer. Detail goes to the caller;
// Reason only to the access log (it may say more than the caller should learn: "wrong secret").
public sealed class TokenRejection(string reason, string detail, Guid? credentialId = null, Guid? organisationId = null, Guid? userId = null)
    : Exception(detail)
{
    public string Reason { get; } = reason;
    public Guid? CredentialId { get; } = credentialId;
    public Guid? OrganisationId { get; } = organisationId;
    public Guid? UserId { get; } = userId;

    // Malformed and unknown tokens, and wrong secrets, get the same answer: nobody learns whether a
    // credential id exists. Only the holder of the real secret learns that it expired or was revoked.
    public const string InvalidTokenDetail = "The bearer token is not a valid API token of this provider.";
}
