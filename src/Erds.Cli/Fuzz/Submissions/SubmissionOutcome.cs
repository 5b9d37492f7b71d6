namespace Erds.Cli.Fuzz.Submissions;

// An input and the answers to its requests, in the order they were sent.
internal sealed record SubmissionOutcome(SubmissionInput Input, IReadOnlyList<SubmissionAnswer> Answers)
{
    public bool IsFinding => Answers.Any(a => a.IsFinding);
}
