using System.Diagnostics;

namespace Erds.Cli.Bench;

// Drives the messages: closed loop (a fixed number of messages in flight, the next one starting as
// one completes), or open loop at a target rate, where messages start on schedule whether or not
// earlier ones are done and Concurrency is only a safety cap. In the open loop, the worst delay of a
// start behind its schedule is reported: when it grows, the provider (or the cap) could not keep up.
// firstIndex numbers the messages (subjects, generated content), so a warm-up run sends other ones.
internal sealed class LoadGenerator(MessageRun run, BenchSettings settings, int firstIndex = 0)
{
    public TimeSpan MaxScheduleLag { get; private set; }

    // One slot per message, filled as each finishes: a cancelled run still reports what finished.
    public MessageOutcome?[] Outcomes { get; } = new MessageOutcome?[settings.Messages];

    public Task RunAsync(CancellationToken cancellationToken) => settings.Rate is { } rate
        ? OpenLoopAsync(Outcomes, rate, cancellationToken)
        : ClosedLoopAsync(Outcomes, cancellationToken);

    private async Task ClosedLoopAsync(MessageOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(settings.Concurrency, settings.Messages)).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < outcomes.Length)
            {
                outcomes[index] = await run.RunAsync(firstIndex + index, cancellationToken);
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
    }

    private async Task OpenLoopAsync(MessageOutcome?[] outcomes, double rate, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(settings.Concurrency, settings.Concurrency);
        var running = new List<Task>(outcomes.Length);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < outcomes.Length; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
            await slots.WaitAsync(cancellationToken);
            var lag = Stopwatch.GetElapsedTime(start) - due;
            if (lag > MaxScheduleLag) MaxScheduleLag = lag;
            var index = i;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    outcomes[index] = await run.RunAsync(firstIndex + index, cancellationToken);
                }
                finally
                {
                    slots.Release();
                }
            }, cancellationToken));
        }
        await Task.WhenAll(running);
    }
}
