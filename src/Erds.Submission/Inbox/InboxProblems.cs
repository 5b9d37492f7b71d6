using Erds.Submission.Problems;
using Microsoft.AspNetCore.Http;

namespace Erds.Submission.Inbox;

public static class InboxProblems
{
    public static ProblemException AmbiguousMailbox() =>
        new(StatusCodes.Status409Conflict, "ambiguous-mailbox", "Several of your mailboxes are recipients",
            "Name the mailbox you act for with the 'mailbox' query parameter.");

    public static ProblemException NotAvailable(string status) =>
        new(StatusCodes.Status409Conflict, "content-not-available", "Content not available",
            $"The content is not available to you in state '{status}'. In consent mode accept the message first.");

    public static ProblemException Expired() =>
        new(StatusCodes.Status410Gone, "expired", "Expired", "The time to retrieve or accept this message has passed.");

    public static ProblemException NotAwaitingDecision(string status) =>
        new(StatusCodes.Status409Conflict, "no-decision-pending", "No decision pending",
            $"Only a consent-mode message awaiting acceptance can be accepted or refused; this one is '{status}'.");

    public static ProblemException ContentDeleted() =>
        new(StatusCodes.Status410Gone, "content-deleted", "Content deleted",
            "The content was deleted after its retention period; the evidence remains available.");
}
