using Erds.Contracts;
using Erds.Persistence.Outbox;
using Microsoft.AspNetCore.Http;
using Serilog.Context;

namespace Erds.ServiceDefaults.LogCorrelation;

// Gives every request a correlation id: the caller's X-Correlation-Id when it is well formed, so that
// a court's own id follows its request through our logs; a new one otherwise. The id is echoed in the
// response, carried by every log line written while the request is handled, and by the bus messages
// the request causes (through the outbox rows it writes).
internal sealed class RequestCorrelationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, OutboxCorrelation outbox)
    {
        var offered = context.Request.Headers[Correlation.Header];
        var correlationId = offered.Count == 1 && Correlation.IsWellFormed(offered[0]) ? offered[0]! : Guid.NewGuid().ToString();
        // Set when the response starts rather than now: the exception handler clears the headers of a
        // response it rewrites into a problem, and those answers need the id most.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Correlation.Header] = correlationId;
            return Task.CompletedTask;
        });
        outbox.CorrelationId = correlationId;
        using (LogContext.PushProperty(LogProperties.CorrelationId, correlationId))
        {
            await next(context);
        }
    }
}
