using Erds.Evidence.Model;
using Erds.Submission.Problems;

namespace Erds.Submission.Messages.Submit;

// A submission refused after it received a message id: the answer is a problem, and the refusal is
// also recorded so that SubmissionRejection evidence is issued for it.
public sealed class SubmissionRejectionException(int status, string slug, string title, string detail, EventReason reason)
    : ProblemException(status, slug, title, detail)
{
    public EventReason Reason { get; } = reason;

    public static SubmissionRejectionException From(ProblemException problem) => problem as SubmissionRejectionException
        ?? new SubmissionRejectionException(problem.Status, problem.Slug, problem.Title, problem.Message, EventReason.MessageRejected(problem.Message));
}
