using System.Net;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Persistence.Outbox;
using Erds.Submission.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Erds.Submission.AccessLog;

// Writes access log entries for API requests: one small insert each, in a unit of work of its own (never
// together with, or in the way of, what the request itself saves), and awaited before the answer is
// sent. A failure to record is not swallowed: the request then fails instead of being served unrecorded.
public sealed class AccessRecorder(IServiceScopeFactory scopes, TimeProvider time)
{
    public Task RecordAsync(HttpContext http, string action, int status, Guid? messageId, Guid? evidenceId, string? detail)
    {
        var caller = http.User.Identity?.IsAuthenticated == true ? Caller.From(http.User) : null;
        return AppendAsync(Entry(http, action, status, caller?.OrganisationId, caller?.CredentialId, caller?.UserId, messageId, evidenceId, detail));
    }

    // A token that was refused: its organisation when the credential exists, none otherwise (operators
    // still see those with erds access-log).
    public Task RecordFailedAuthenticationAsync(HttpContext http, TokenRejection? rejection, int status) =>
        AppendAsync(Entry(http, AccessActions.AuthenticationFailed, status, rejection?.OrganisationId, rejection?.CredentialId, rejection?.UserId,
            null, null, rejection?.Reason ?? "no bearer token"));

    public Task RecordScopeDeniedAsync(HttpContext http, string? requiredScope, int status) =>
        RecordAsync(http, AccessActions.ScopeDenied, status, RouteId(http, "messageId"), RouteId(http, "evidenceId"),
            $"{http.Request.Method} {http.Request.Path} needs scope {requiredScope}");

    internal static Guid? RouteId(HttpContext http, string name) =>
        http.Request.RouteValues.TryGetValue(name, out var value) && Guid.TryParse(value?.ToString(), out var id) ? id : null;

    private AccessLogEntry Entry(HttpContext http, string action, int status, Guid? organisationId, Guid? credentialId, Guid? userId,
        Guid? messageId, Guid? evidenceId, string? detail) => new()
    {
        At = time.GetUtcNow(),
        Action = action,
        Status = status,
        OrganisationId = organisationId,
        CredentialId = credentialId,
        UserId = userId,
        ClientAddress = ClientAddress(http.Connection.RemoteIpAddress),
        MessageId = messageId,
        EvidenceId = evidenceId,
        Detail = detail?.Truncate(AccessLogEntry.DetailMaxLength),
        CorrelationId = http.RequestServices.GetService<OutboxCorrelation>()?.CorrelationId,
    };

    private async Task AppendAsync(AccessLogEntry entry)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();
        db.AccessLog.Add(entry);
        // Not the request's token: a caller that hangs up does not get its access unrecorded.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string? ClientAddress(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
