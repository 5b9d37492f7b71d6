namespace Erds.Cli.Bench;

// One message of a bench run: its latencies when it got that far, or why it failed.
internal sealed record MessageOutcome
{
    public Guid? MessageId { get; init; }
    public TimeSpan? SubmitTo202 { get; init; }
    public TimeSpan? SubmitToAcceptance { get; init; }
    public TimeSpan? SubmitToHandover { get; init; }
    public int Evidences { get; init; }
    public string? FailureKind { get; init; }
    public string? FailureDetail { get; init; }

    public bool Complete => FailureKind is null && SubmitToHandover is not null;
}
