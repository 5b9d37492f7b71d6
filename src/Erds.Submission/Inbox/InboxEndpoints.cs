using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Submission.AccessLog;
using Erds.Submission.Authentication;
using Erds.Submission.Messages.Read;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Erds.Submission.Inbox;

// The recipient's door. Retrieving the content (GET .../content) is the handover: it is recorded,
// and proven with ContentHandover evidence, once the last byte went out.
public static class InboxEndpoints
{
    public static void MapInbox(this IEndpointRouteBuilder group)
    {
        group.MapGet("/inbox", ListAsync).WithName("ListInbox").WithSummary("Messages addressed to your organisation's mailboxes")
            .RequireScope(ApiScopes.Receive);
        group.MapGet("/inbox/{messageId:guid}", GetAsync).WithName("GetInboxMessage").WithSummary("One message addressed to you")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Receive);
        group.MapGet("/inbox/{messageId:guid}/content", RetrieveAsync).WithName("RetrieveContent")
            .WithSummary("Retrieve all content as multipart/mixed: this is the handover")
            .Produces(StatusCodes.Status200OK, contentType: "multipart/mixed")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .RequireScope(ApiScopes.Receive).Audited(AccessActions.ContentRetrieve);
        group.MapGet("/inbox/{messageId:guid}/parts/{partId}", GetPartAsync).WithName("RetrievePart")
            .WithSummary("One part again, after the handover")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Receive).Audited(AccessActions.ContentPart);
        group.MapPost("/inbox/{messageId:guid}/accept", AcceptAsync).WithName("AcceptMessage").WithSummary("Accept a consent-mode message")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .RequireScope(ApiScopes.Receive);
        group.MapPost("/inbox/{messageId:guid}/refuse", RefuseAsync).WithName("RefuseMessage").WithSummary("Refuse a consent-mode message")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .RequireScope(ApiScopes.Receive);
        group.MapGet("/inbox/{messageId:guid}/evidence", ListEvidenceAsync).WithName("ListRecipientEvidence")
            .WithSummary("Evidence about you as recipient of this message")
            .RequireScope(ApiScopes.Evidence).Audited(AccessActions.EvidenceList, "recipient");
        group.MapGet("/inbox/{messageId:guid}/evidence/{evidenceId:guid}", GetEvidenceAsync).WithName("GetRecipientEvidence")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Evidence).Audited(AccessActions.EvidenceRead, "recipient");
    }

    private static async Task<Ok<List<InboxItem>>> ListAsync(HttpContext http, InboxService inbox, string? mailbox, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await inbox.ListAsync(Caller.From(http.User), mailbox, Math.Clamp(limit ?? 50, 1, 500), cancellationToken));

    private static async Task<Ok<InboxMessageView>> GetAsync(Guid messageId, string? mailbox, HttpContext http, InboxService inbox, ErdsDbContext db, CancellationToken cancellationToken)
    {
        var copy = await inbox.FindAsync(Caller.From(http.User), messageId, mailbox, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == copy.Message.SenderOrganisationId, cancellationToken);
        var parts = InboxService.ContentAvailable(copy) ? copy.Message.Parts.OrderBy(p => p.Ordinal).Select(p => p.ToView()).ToList() : null;
        return TypedResults.Ok(new InboxMessageView(ToItem(copy), organisation.LegalName, parts, InboxLinks.For(messageId)));
    }

    // The handler decides and claims the delivery; the content goes out when the result is executed,
    // after the access log recorded the retrieval (AuditedEndpointFilter).
    private static async Task<IResult> RetrieveAsync(Guid messageId, string? mailbox, HttpContext http, InboxService inbox, ContentResponseWriter writer, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var copy = await inbox.FindAsync(caller, messageId, mailbox, cancellationToken);
        inbox.EnsureContentAvailable(copy);
        await inbox.BeginRetrievalAsync(copy, cancellationToken);
        return new StreamedContent(async response =>
        {
            await writer.WriteAllAsync(response, copy.Message, cancellationToken);
            await inbox.RecordHandoverAsync(caller, copy, CancellationToken.None);
        });
    }

    private static async Task<IResult> GetPartAsync(Guid messageId, string partId, string? mailbox, HttpContext http, InboxService inbox, ContentResponseWriter writer, CancellationToken cancellationToken)
    {
        var copy = await inbox.FindAsync(Caller.From(http.User), messageId, mailbox, cancellationToken);
        inbox.EnsureContentAvailable(copy);
        if (copy.Recipient.HandedOverAt is null) throw InboxProblems.NotAvailable("not yet handed over: retrieve .../content first");
        var part = copy.Message.Parts.SingleOrDefault(p => p.PartId == partId) ?? throw Problems.Problems.NotFound("This part");
        AccessDetail.Set(http, "part " + part.PartId);
        return new StreamedContent(response => writer.WriteOneAsync(response, copy.Message, part, cancellationToken));
    }

    private static async Task<NoContent> AcceptAsync(Guid messageId, string? mailbox, HttpContext http, InboxService inbox, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        await inbox.AcceptAsync(caller, await inbox.FindAsync(caller, messageId, mailbox, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RefuseAsync(Guid messageId, string? mailbox, RefusalRequest? request, HttpContext http, InboxService inbox, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        await inbox.RefuseAsync(caller, await inbox.FindAsync(caller, messageId, mailbox, cancellationToken), request?.Reason, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<EvidenceSummary>>> ListEvidenceAsync(Guid messageId, string? mailbox, HttpContext http, InboxService inbox, ErdsDbContext db, CancellationToken cancellationToken)
    {
        var copy = await inbox.FindAsync(Caller.From(http.User), messageId, mailbox, cancellationToken);
        var index = copy.Recipient.Index;
        return TypedResults.Ok(await db.EvidenceSummariesAsync(messageId, i => i == index, InboxLinks.For(messageId).Evidence, cancellationToken));
    }

    private static async Task<IResult> GetEvidenceAsync(Guid messageId, Guid evidenceId, string? mailbox, HttpContext http, InboxService inbox, ErdsDbContext db, CancellationToken cancellationToken)
    {
        var copy = await inbox.FindAsync(Caller.From(http.User), messageId, mailbox, cancellationToken);
        var evidence = await db.Evidence.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == evidenceId && e.MessageId == messageId && e.RecipientIndex == copy.Recipient.Index, cancellationToken)
            ?? throw Problems.Problems.NotFound("This evidence");
        return MessageEndpoints.EvidenceFile(evidence);
    }

    private static InboxItem ToItem(RecipientCopy copy) => new(copy.Message.Id, copy.Recipient.Index, copy.Mailbox.Address,
        copy.Message.SenderAddress, copy.Message.Subject, copy.Message.ConsignmentMode.ToString(), copy.Recipient.Status.ToString(),
        copy.Message.SubmittedAt, copy.Message.ExpiresAt);
}
