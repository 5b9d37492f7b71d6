using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Erds.Host.Tests.Support;

// Every log event of one provider, as Serilog hands it to its sinks.
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public static string? Property(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: { } scalar } ? scalar.ToString() : null;

    public static string? Source(LogEvent logEvent) => Property(logEvent, "SourceContext");
}
