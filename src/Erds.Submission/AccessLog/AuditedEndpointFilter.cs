using Erds.Submission.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Erds.Submission.AccessLog;

// Records a request to an audited endpoint once its handler has decided the answer and before the
// answer is sent: the handler returns a result (content is streamed by the result, not the handler),
// and the result is executed only after the entry was written. Refusals (not found, gone, conflict)
// are recorded with their status too: a stranger probing message ids shows up in their log.
public sealed class AuditedEndpointFilter(AuditedAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception ex)
        {
            var status = ex switch
            {
                ProblemException problem => problem.Status,
                BadHttpRequestException bad => bad.StatusCode,
                _ => StatusCodes.Status500InternalServerError,
            };
            try
            {
                await RecordAsync(http, status);
            }
            catch (Exception recording) when (status == StatusCodes.Status500InternalServerError)
            {
                // The request failed already, most likely for the same reason (the database away); its own
                // error is the one to report. Nothing was served.
                http.RequestServices.GetRequiredService<ILogger<AuditedEndpointFilter>>()
                    .LogError(recording, "Could not record the failed {Action} in the access log", access.Action);
            }
            throw;
        }
        await RecordAsync(http, result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK);
        return result;
    }

    private Task RecordAsync(HttpContext http, int status)
    {
        var detail = string.Join("; ", new[] { access.Side is null ? null : "as " + access.Side, http.Features.Get<AccessDetail>()?.Text }.OfType<string>());
        return http.RequestServices.GetRequiredService<AccessRecorder>().RecordAsync(http, access.Action, status,
            AccessRecorder.RouteId(http, "messageId"), AccessRecorder.RouteId(http, "evidenceId"), detail.Length == 0 ? null : detail);
    }
}
