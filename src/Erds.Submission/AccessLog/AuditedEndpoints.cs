using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Erds.Submission.AccessLog;

public static class AuditedEndpoints
{
    // side: "sender" or "recipient" where the same action has both doors.
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action, string? side = null)
    {
        var access = new AuditedAccess(action, side);
        return builder.WithMetadata(access).AddEndpointFilter(new AuditedEndpointFilter(access));
    }
}
