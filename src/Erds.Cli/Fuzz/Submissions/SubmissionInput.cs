namespace Erds.Cli.Fuzz.Submissions;

// One hostile submission: its number in the seeded run, the kind of attack that made it, and its
// requests (usually one; two for an idempotency key used again, sent one after the other or together).
internal sealed record SubmissionInput(int Index, string Kind, IReadOnlyList<FuzzRequest> Requests, bool Together = false);
