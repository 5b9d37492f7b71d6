using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Erds.Submission.Problems;

// The one place where exceptions become answers. Known problems keep their status; Kestrel's own
// request errors (body too large, client gone) keep theirs; anything else is a 500 that is logged.
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProblemException p => ToDetails(p),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Type = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "urn:erds:problem:too-large" : "urn:erds:problem:malformed-request",
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Malformed request",
                Detail = bad.Message,
            },
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }
        if (httpContext.Response.HasStarted) return false;
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is ProblemException { RetryAfter: { } wait }) httpContext.Response.Headers.RetryAfter = RetryAfterSeconds(wait);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ProblemDetails ToDetails(ProblemException p)
    {
        var details = new ProblemDetails { Status = p.Status, Type = p.Type, Title = p.Title, Detail = p.Message };
        foreach (var (key, value) in p.Extensions) details.Extensions[key] = value;
        return details;
    }
}
