using Erds.Submission.Authentication;
using Erds.Submission.Limits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Erds.Submission.Messages.Submit;

public static class SubmitMessageEndpoint
{
    private const long MultipartOverhead = 16 * 1024 * 1024;

    public static RouteHandlerBuilder MapSubmitMessage(this IEndpointRouteBuilder group) => group
        .MapPost("/messages", HandleAsync)
        .WithName("SubmitMessage")
        .WithSummary("Submit a registered message")
        .WithDescription("multipart/form-data: a 'metadata' JSON part first, then an optional 'body' part and any number of 'attachment' parts with file names. Requires an Idempotency-Key header.")
        .Accepts<SubmissionMetadata>("multipart/form-data")
        .Produces<SubmissionAccepted>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status408RequestTimeout)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .DisableAntiforgery()
        .WithMetadata(new CountedAsSubmission())
        .RequireScope(Erds.Persistence.Entities.ApiScopes.Send);

    private static async Task<IResult> HandleAsync(
        HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        MessageSubmissionService submissions, IOptions<SubmissionOptions> options, CancellationToken cancellationToken)
    {
        if (!IsValidKey(idempotencyKey)) throw Problems.Problems.IdempotencyKeyMissing();
        var maxBody = options.Value.MaxMessageBytes + MultipartOverhead;
        // Refused before a byte of the body is read: nothing is received, stored or encrypted.
        if (http.Request.ContentLength > maxBody) throw Problems.Problems.RequestTooLarge(http.Request.ContentLength.Value, options.Value.MaxMessageBytes);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBody;
        var outcome = await submissions.SubmitAsync(Caller.From(http.User), idempotencyKey!, http.Request, cancellationToken);
        if (outcome.Location is not null) http.Response.Headers.Location = outcome.Location;
        return Results.Text(outcome.Body, outcome.ContentType, System.Text.Encoding.UTF8, outcome.StatusCode);
    }

    private static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 128 && key.All(c => c is > ' ' and <= '~');
}
