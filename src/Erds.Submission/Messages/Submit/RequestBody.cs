using Microsoft.AspNetCore.Http;

namespace Erds.Submission.Messages.Submit;

internal static class RequestBody
{
    // A request body that ends early (inside the metadata or a part) is the sender's malformed request,
    // not our failure; Kestrel's own limits and a cancelled request are left to their own handling.
    public static bool EndedEarly(IOException exception, CancellationToken cancellationToken) =>
        exception is not BadHttpRequestException && !cancellationToken.IsCancellationRequested;
}
