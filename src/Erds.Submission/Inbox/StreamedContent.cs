using Microsoft.AspNetCore.Http;

namespace Erds.Submission.Inbox;

// A response the handler has decided on but whose body is written only when the result is executed,
// so that whatever runs between handler and result (the access log's record) comes before the first byte.
public sealed class StreamedContent(Func<HttpResponse, Task> write) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => write(httpContext.Response);
}
