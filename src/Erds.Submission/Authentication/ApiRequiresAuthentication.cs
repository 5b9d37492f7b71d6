using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Erds.Submission.Authentication;

// Everything under /api is for authenticated callers, including the answers routing gives by itself
// (415 for a body an endpoint does not accept, 405, 404): a caller without a valid token is asked to
// authenticate first and learns nothing about the API's shape. Runs after the rate limiter, so that
// these challenges count against the caller's address too.
public sealed class ApiRequiresAuthentication(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/api")
            && http.User.Identity?.IsAuthenticated != true
            && http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            await http.ChallengeAsync(ApiTokenAuthenticationHandler.SchemeName);
            return;
        }
        await next(http);
    }
}
