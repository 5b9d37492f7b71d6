namespace Erds.Cli.Bench;

// What one `erds bench` run does. Rate null: closed loop (Concurrency messages in flight, each
// followed by the next as soon as its chain is complete). Rate set: open loop, messages start on a
// fixed schedule and Concurrency only caps how many may be in flight.
internal sealed record BenchSettings
{
    public required int Messages { get; init; }
    public required long AttachmentBytes { get; init; }
    public required int Attachments { get; init; }
    public required int Concurrency { get; init; }
    public double? Rate { get; init; }
    public required Uri Server { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required TimeSpan Timeout { get; init; }
    public IReadOnlyList<int> Pids { get; init; } = [];
}
