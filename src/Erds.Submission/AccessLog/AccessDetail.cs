using Microsoft.AspNetCore.Http;

namespace Erds.Submission.AccessLog;

// What a handler adds to its request's access log entry beyond the ids in its route, e.g. the messages
// a many-messages read returned. Set as a request feature; AuditedEndpointFilter reads it.
public sealed record AccessDetail(string Text)
{
    public static void Set(HttpContext http, string text) => http.Features.Set(new AccessDetail(text));
}
