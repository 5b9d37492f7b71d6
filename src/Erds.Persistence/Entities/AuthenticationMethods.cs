namespace Erds.Persistence.Entities;

// Authentication method URIs this provider writes into evidence. They are URNs of our own because
// no registry defines "API bearer token issued by the provider".
public static class AuthenticationMethods
{
    public const string ApiToken = "urn:erds:authn:api-token";
}
