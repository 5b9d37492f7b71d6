using Erds.Evidence.Model;
using Microsoft.AspNetCore.Http;

namespace Erds.Submission.Messages.Submit;

public static class Rejections
{
    public static SubmissionRejectionException UnknownRecipient(IEnumerable<string> identifiers)
    {
        var list = string.Join(", ", identifiers);
        return new(StatusCodes.Status422UnprocessableEntity, "unknown-recipient", "Unknown recipient",
            $"No registered mailbox on this provider for: {list}.", EventReason.UnknownRecipient($"Not registered: {list}"));
    }

    public static SubmissionRejectionException NoContent() =>
        new(StatusCodes.Status422UnprocessableEntity, "no-content", "No content",
            "A registered message needs a 'body' part or at least one 'attachment' part.", EventReason.MessageRejected("The message has no content."));

    public static SubmissionRejectionException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "too-large", "Message too large",
            $"Body and attachments together exceed this provider's limit of {limit} bytes.", EventReason.PolicyViolation($"Content exceeds {limit} bytes."));

    public static SubmissionRejectionException OverStorageQuota() =>
        new(StatusCodes.Status403Forbidden, "storage-quota-exceeded", "Storage quota used up",
            "This message's content would take your organisation's stored content over its quota. Content is freed as recipients retrieve messages and retention ends; ask your provider for a higher quota.",
            EventReason.PolicyViolation("Content exceeds the sender organisation's storage quota."));

    public static SubmissionRejectionException BadExpiry(string detail) =>
        new(StatusCodes.Status422UnprocessableEntity, "invalid-expiry", "Invalid expiry", detail, EventReason.PolicyViolation(detail));
}
