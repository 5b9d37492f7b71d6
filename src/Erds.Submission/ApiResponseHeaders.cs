using Microsoft.AspNetCore.Http;

namespace Erds.Submission;

// Headers on every API answer. Content is the sender's bytes under the sender's media type: a
// browser must neither guess another type (nosniff) nor run what it renders (a sandbox without any
// source), and nothing confidential may stay in a shared cache.
public sealed class ApiResponseHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = "default-src 'none'; sandbox; frame-ancestors 'none'";
                headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
        }
        return next(http);
    }
}
