using Microsoft.AspNetCore.Http;

namespace Erds.Submission.Problems;

// The catalogue of problems the API answers with, so that each has one type and one title.
public static class Problems
{
    public static ProblemException NotFound(string what) =>
        new(StatusCodes.Status404NotFound, "not-found", "Not found", $"{what} does not exist or is not visible to you.");

    public static ProblemException IdempotencyKeyMissing() =>
        new(StatusCodes.Status400BadRequest, "idempotency-key-missing", "Idempotency-Key header required",
            "Every submission needs an Idempotency-Key header (1 to 128 visible ASCII characters) so that a retry cannot send the message twice.");

    public static ProblemException IdempotencyKeyReused() =>
        new(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency-Key reused with another request",
            "This Idempotency-Key was already used for a different submission. Use a new key for a new message.");

    public static ProblemException IdempotencyKeyInProgress() =>
        new(StatusCodes.Status409Conflict, "idempotency-key-in-progress", "Submission with this Idempotency-Key in progress",
            "Another request with this Idempotency-Key is being processed. Retry later to receive its answer.");

    public static ProblemException MalformedRequest(string detail) =>
        new(StatusCodes.Status400BadRequest, "malformed-request", "Malformed request", detail);

    public static ProblemException RequestTooLarge(long declared, long maxMessageBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "too-large", "Message too large",
            $"The request declares {declared} bytes; this provider accepts at most {maxMessageBytes} bytes of body and attachments per message. Nothing was received or recorded.");

    public static ProblemException UnsupportedMediaType(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type", detail);

    public static ProblemException Forbidden(string detail) =>
        new(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", detail);

    public static ProblemException Conflict(string slug, string title, string detail) =>
        new(StatusCodes.Status409Conflict, slug, title, detail);
}
