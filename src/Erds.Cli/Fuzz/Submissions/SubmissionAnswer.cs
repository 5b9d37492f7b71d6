namespace Erds.Cli.Fuzz.Submissions;

// What the provider did with one request: its status code, or no answer at all (Failure: "timeout" when
// none came within the bound, "dropped" when the connection ended without one, "client" when this side
// could not send it); whether a 4xx came as problem+json; how long it took; the start of a 5xx's body.
internal sealed record SubmissionAnswer(int? Status, string? Failure, string? FailureDetail, bool ProblemJson, TimeSpan Elapsed, string? Excerpt)
{
    // Answered only when sent again with Expect: 100-continue: the first time, the provider closed the
    // connection while the body was still being sent (an early answer, e.g. 413, this side could not read).
    public bool ClosedEarly { get; init; }

    public bool IsServerError => Status >= 500;
    public bool IsHang => Failure == "timeout";
    public bool IsDropped => Failure == "dropped";
    public bool IsClientFailure => Failure == "client";
    public bool IsFinding => IsServerError || IsHang || IsDropped;
}
