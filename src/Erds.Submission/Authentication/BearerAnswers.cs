using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Erds.Submission.Problems;

namespace Erds.Submission.Authentication;

// 401 and 403 as RFC 6750 (section 3) has them, with an RFC 9457 body saying the same in words.
public static class BearerAnswers
{
    public const string Realm = "erds";

    public static Task UnauthorizedAsync(HttpContext http, TokenRejection? rejection)
    {
        // No error code when the request carried no bearer token at all (RFC 6750, 3.1).
        http.Response.Headers.WWWAuthenticate = rejection is null || rejection.Reason == "not-bearer"
            ? $"Bearer realm=\"{Realm}\""
            : $"Bearer realm=\"{Realm}\", error=\"invalid_token\", error_description=\"{Quoted(rejection.Message)}\"";
        return ProblemAnswers.WriteAsync(http, new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Type = "urn:erds:problem:unauthenticated",
            Title = "Authentication required",
            Detail = rejection?.Message ?? "Authenticate with 'Authorization: Bearer erds_...' (an API token from your provider's operator).",
        });
    }

    public static Task InsufficientScopeAsync(HttpContext http, string? required, IReadOnlyList<string> held)
    {
        http.Response.Headers.WWWAuthenticate = required is null
            ? $"Bearer realm=\"{Realm}\", error=\"insufficient_scope\""
            : $"Bearer realm=\"{Realm}\", error=\"insufficient_scope\", scope=\"{required}\"";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Type = "urn:erds:problem:insufficient-scope",
            Title = "Insufficient scope",
            Detail = $"This request needs an API token with the scope '{required}'; this token has {(held.Count == 0 ? "none" : string.Join(", ", held))}.",
        };
        problem.Extensions["requiredScope"] = required;
        return ProblemAnswers.WriteAsync(http, problem);
    }

    // A quoted-string of RFC 9110 holds no '"' or '\' unescaped; the texts here have neither, but a
    // future one must not break the header.
    private static string Quoted(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
