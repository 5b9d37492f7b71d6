using System.Globalization;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Submission.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Erds.Submission.Problems.Problems;

namespace Erds.Submission.AccessLog;

// The organisation's administrators read who accessed what of theirs: their own organisation's
// entries only. Reading the log is itself recorded.
public static class AccessLogEndpoints
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public static void MapAccessLog(this IEndpointRouteBuilder group)
    {
        group.MapGet("/access-log", ListAsync).WithName("ListAccessLog")
            .WithSummary("Your organisation's access log, newest first: content retrieved, evidence read, failed authentication, tokens issued, rotated and revoked")
            .WithDescription("Filters: since and until (ISO 8601 instants, until exclusive), action (e.g. content.retrieve), limit (1 to 500, default 100); "
                + "cursor continues from a previous page's nextCursor. Requires the scope 'administer'.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireScope(ApiScopes.Administer)
            .Audited(AccessActions.AccessLogRead);
    }

    private static async Task<Ok<AccessLogPage>> ListAsync(
        HttpContext http, ErdsDbContext db, string? since, string? until, string? action, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var take = limit is null ? DefaultPageSize : limit is >= 1 and <= MaxPageSize ? limit.Value
            : throw MalformedRequest($"limit must be between 1 and {MaxPageSize}.");
        var query = db.AccessLog.AsNoTracking().Where(e => e.OrganisationId == caller.OrganisationId);
        if (Instant(since, "since") is { } from) query = query.Where(e => e.At >= from);
        if (Instant(until, "until") is { } to) query = query.Where(e => e.At < to);
        if (action is not null)
        {
            if (!AccessActions.All.Contains(action)) throw MalformedRequest($"Unknown action '{Echo(action)}'; actions are {string.Join(", ", AccessActions.All)}.");
            query = query.Where(e => e.Action == action);
        }
        if (cursor is not null)
        {
            if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var before)) throw MalformedRequest("cursor is not one this API gave.");
            query = query.Where(e => e.Id < before);
        }
        var rows = await query.OrderByDescending(e => e.Id).Take(take + 1).ToListAsync(cancellationToken);
        var page = rows.Take(take).Select(e => new AccessLogEntryView(e.Id, e.At, e.Action, e.Status, e.CredentialId, e.UserId, e.ClientAddress,
            e.Operator is not null, e.MessageId, e.EvidenceId, e.Detail, e.CorrelationId)).ToList();
        var next = rows.Count > take ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        AccessDetail.Set(http, $"{page.Count} entries" + (http.Request.QueryString.HasValue ? " for " + http.Request.QueryString.Value!.Truncate(200) : ""));
        return TypedResults.Ok(new AccessLogPage(page, next, next is null ? null : NextLink(http, next)));
    }

    private static DateTimeOffset? Instant(string? value, string name)
    {
        if (value is null) return null;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw MalformedRequest($"{name} '{Echo(value)}' is not an instant: use ISO 8601, e.g. 2026-12-01T00:00:00Z.");
    }

    private static string NextLink(HttpContext http, string next)
    {
        var query = http.Request.Query.Where(q => q.Key != "cursor").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return $"/api/v1/access-log?{string.Join("&", query.Append("cursor=" + next))}";
    }

    private static string Echo(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
