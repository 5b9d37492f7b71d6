namespace Erds.Submission.Authentication;

// Endpoint metadata: the scope (ApiScopes) a token needs for this endpoint. The 403 answer names it,
// and the authorization matrix test checks that every endpoint of the API has one.
public sealed record RequiredScope(string Scope);
