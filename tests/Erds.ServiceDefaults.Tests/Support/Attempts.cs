using System.Collections.Concurrent;

namespace Erds.ServiceDefaults.Tests.Support;

// What the test consumers saw. The ping consumer fails its first FailuresBeforeSuccess attempts
// (int.MaxValue: always), then has its effect once.
public sealed class Attempts(int failuresBeforeSuccess)
{
    public ConcurrentQueue<Attempt> Seen { get; } = new();
    public ConcurrentQueue<Guid> Effects { get; } = new();
    public ConcurrentQueue<Guid> Faults { get; } = new();
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool ShouldFail => Seen.Count <= failuresBeforeSuccess;
}

// One attempt: the consumer scope it ran in and the correlation id its outbox rows would carry.
public sealed record Attempt(ScopeMarker Scope, string? OutboxCorrelationId);

// A scoped service, to tell consumer scopes apart.
public sealed class ScopeMarker;
