namespace Erds.ServiceDefaults.Tests.Support;

// A test message shaped like our contracts: it names the ERDS message it is about.
public sealed record Ping
{
    public required Guid MessageId { get; init; }
}
