using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Submission.AccessLog;
using Erds.Submission.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Erds.Submission.Messages.Read;

// The sender's view. A message of another organisation answers 404, exactly like one that does not
// exist, so that nobody learns which ids are in use.
public static class MessageEndpoints
{
    // Following one's own sent messages is part of sending (scope send); their evidence is read with the
    // scope evidence, so that an auditor's token can read proofs without being able to send. Evidence
    // reads are recorded in the access log.
    public static void MapMessageReads(this IEndpointRouteBuilder group)
    {
        group.MapGet("/messages", ListAsync).WithName("ListMessages").WithSummary("Messages sent by your organisation, newest first")
            .RequireScope(ApiScopes.Send);
        group.MapGet("/messages/{messageId:guid}", GetAsync).WithName("GetMessage").WithSummary("Status, recipients, parts and timeline of a message")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Send);
        group.MapGet("/messages/evidence", ListEvidenceOfMessagesAsync).WithName("ListEvidenceOfMessages")
            .WithSummary($"Evidence issued for several messages at once (messageId repeated, at most {MaxMessagesPerEvidenceQuery})")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireScope(ApiScopes.Evidence).Audited(AccessActions.EvidenceListMany, "sender");
        group.MapGet("/messages/{messageId:guid}/evidence", ListEvidenceAsync).WithName("ListEvidence").WithSummary("Evidence issued for a message")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Evidence).Audited(AccessActions.EvidenceList, "sender");
        group.MapGet("/messages/{messageId:guid}/evidence/{evidenceId:guid}", GetEvidenceAsync).WithName("GetEvidence")
            .WithSummary("One evidence: the signed XML exactly as issued")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Evidence).Audited(AccessActions.EvidenceRead, "sender");
    }

    private static async Task<Ok<List<MessageSummary>>> ListAsync(HttpContext http, ErdsDbContext db, int? limit, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var take = Math.Clamp(limit ?? 50, 1, 500);
        var rows = await db.Messages.AsNoTracking().Where(m => m.SenderOrganisationId == caller.OrganisationId)
            .OrderByDescending(m => m.SubmittedAt).Take(take)
            .Select(m => new MessageSummary(m.Id, m.Status.ToString(), m.SenderAddress, m.Subject, m.SubmittedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows);
    }

    private static async Task<Ok<MessageView>> GetAsync(Guid messageId, HttpContext http, ErdsDbContext db, CancellationToken cancellationToken)
    {
        var message = await OwnMessageAsync(db, messageId, http, cancellationToken);
        var timeline = await db.TimelineAsync(messageId, cancellationToken);
        return TypedResults.Ok(new MessageView(
            message.Id, message.Status.ToString(), message.SenderAddress, message.Subject, message.SenderReference,
            message.ConsignmentMode.ToString(), message.SubmittedAt, message.ExpiresAt,
            message.Status == MessageStatus.Rejected ? new RejectionView(message.RejectionCode, message.RejectionDetails) : null,
            message.Recipients.OrderBy(r => r.Index).Select(r => new RecipientView(r.Index, r.Identifier, r.IdentifierScheme,
                r.Status.ToString(), r.ConsignedAt, r.NotifiedAt, r.DecidedAt, r.HandedOverAt)).ToList(),
            message.Parts.OrderBy(p => p.Ordinal).Select(p => p.ToView()).ToList(),
            timeline,
            MessageLinks.For(message.Id)));
    }

    private static async Task<Ok<IReadOnlyList<EvidenceSummary>>> ListEvidenceAsync(Guid messageId, HttpContext http, ErdsDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        return TypedResults.Ok(await db.SentEvidenceSummariesAsync(messageId, caller.OrganisationId, cancellationToken)
            ?? throw Problems.Problems.NotFound("This message"));
    }

    // A system following many messages (a firm's case management, the bench) asks for all of them in
    // one request instead of one per message. Foreign and unknown ids are answered alike, in NotFound.
    public const int MaxMessagesPerEvidenceQuery = 100;

    private static async Task<Ok<EvidenceOfMessages>> ListEvidenceOfMessagesAsync(
        [Microsoft.AspNetCore.Mvc.FromQuery] string[] messageId, HttpContext http, ErdsDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var messageIds = ParseMessageIds(messageId);
        var found = await db.SentEvidenceSummariesAsync(messageIds, caller.OrganisationId, cancellationToken);
        // The access log names the messages whose evidence was read; the others were read as nothing.
        var read = messageIds.Where(found.ContainsKey).ToList();
        AccessDetail.Set(http, $"{read.Count} message(s): {string.Join(' ', read)}" + (read.Count < messageIds.Length ? $"; {messageIds.Length - read.Count} not found" : ""));
        return TypedResults.Ok(new EvidenceOfMessages(
            messageIds.Where(found.ContainsKey).Select(id => new MessageEvidence(id, found[id])).ToList(),
            messageIds.Where(id => !found.ContainsKey(id)).ToList()));
    }

    // Parsed here rather than bound as Guid[], so that a bad id gets an answer that names it.
    private static Guid[] ParseMessageIds(string[] values)
    {
        if (values.Length == 0) throw Problems.Problems.MalformedRequest("Name the messages with the query parameter messageId, once per message.");
        if (values.Length > MaxMessagesPerEvidenceQuery)
        {
            throw Problems.Problems.MalformedRequest($"At most {MaxMessagesPerEvidenceQuery} messages per request; {values.Length} were named.");
        }
        return values.Select(value => Guid.TryParse(value, out var id)
                ? id
                : throw Problems.Problems.MalformedRequest($"messageId '{(value.Length <= 40 ? value : value[..40] + "…")}' is not a message id (a UUID)."))
            .Distinct().ToArray();
    }

    private static async Task<IResult> GetEvidenceAsync(Guid messageId, Guid evidenceId, HttpContext http, ErdsDbContext db, CancellationToken cancellationToken)
    {
        await EnsureOwnMessageAsync(db, messageId, http, cancellationToken);
        var evidence = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.MessageId == messageId, cancellationToken)
            ?? throw Problems.Problems.NotFound("This evidence");
        return EvidenceFile(evidence);
    }

    internal static IResult EvidenceFile(EvidenceRecord evidence) =>
        TypedResults.File(evidence.Xml, "application/xml", $"evidence-{evidence.EventName}-{evidence.Id}.xml");

    // The same answer as OwnMessageAsync without loading the message: fetching one evidence needs
    // only to know that the caller may see it.
    private static async Task EnsureOwnMessageAsync(ErdsDbContext db, Guid messageId, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (!await db.Messages.AnyAsync(m => m.Id == messageId && m.SenderOrganisationId == caller.OrganisationId, cancellationToken))
        {
            throw Problems.Problems.NotFound("This message");
        }
    }

    private static async Task<Message> OwnMessageAsync(ErdsDbContext db, Guid messageId, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var message = await db.FindWithDetailsAsync(messageId, cancellationToken);
        return message is not null && message.SenderOrganisationId == caller.OrganisationId
            ? message
            : throw Problems.Problems.NotFound("This message");
    }
}
