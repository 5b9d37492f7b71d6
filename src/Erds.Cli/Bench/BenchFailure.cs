namespace Erds.Cli.Bench;

// Why one message of a bench run failed; Kind is what the report counts, e.g. "submit: HTTP 503".
internal sealed class BenchFailure(string kind, string? detail = null) : Exception(detail is null ? kind : $"{kind}: {detail}")
{
    public string Kind { get; } = kind;
}
