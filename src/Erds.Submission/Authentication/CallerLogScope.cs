using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Erds.Submission.Authentication;

// Every line the API writes while handling an authenticated request names the credential, the
// organisation and the user it acts as (the request's own closing line gets them from the service
// defaults' request logging).
public sealed class CallerLogScope(RequestDelegate next, ILogger<CallerLogScope> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            await next(http);
            return;
        }
        var identity = new Dictionary<string, object?>(3);
        foreach (var property in new[] { CallerClaims.CredentialId, CallerClaims.OrganisationId, CallerClaims.UserId })
        {
            if (http.User.FindFirst(property)?.Value is { } value) identity[property] = value;
        }
        using (logger.BeginScope(identity))
        {
            await next(http);
        }
    }
}
