using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Erds.Cli.Bench;

// The result of a run: printed for people, written as JSON for scripts and docs/performance.md.
internal sealed class BenchReport(
    BenchSettings settings, IReadOnlyList<MessageOutcome?> outcomes, TimeSpan wallTime, (long Requests, long MessagesAsked) polls, TimeSpan? maxScheduleLag,
    IReadOnlyList<MemoryReport> memory, (double? Before, double? After) load)
{
    private readonly List<MessageOutcome> _ran = outcomes.OfType<MessageOutcome>().ToList();

    public int Complete => _ran.Count(o => o.Complete);
    public int Failed => _ran.Count(o => !o.Complete);
    public int NotRun => outcomes.Count - _ran.Count;

    private int Accepted => _ran.Count(o => o.SubmitTo202 is not null);
    private int Evidences => _ran.Where(o => o.Complete).Sum(o => o.Evidences);
    private double Seconds => Math.Max(wallTime.TotalSeconds, 1e-9);

    private IEnumerable<(string Name, LatencySummary? Summary)> Latencies =>
    [
        ("submit->202", LatencySummary.Of(_ran.Where(o => o.SubmitTo202 is not null).Select(o => o.SubmitTo202!.Value))),
        ("submit->SubmissionAcceptance", LatencySummary.Of(_ran.Where(o => o.SubmitToAcceptance is not null).Select(o => o.SubmitToAcceptance!.Value))),
        ("submit->ContentHandover", LatencySummary.Of(_ran.Where(o => o.SubmitToHandover is not null).Select(o => o.SubmitToHandover!.Value))),
    ];

    private IEnumerable<IGrouping<string, MessageOutcome>> Errors =>
        _ran.Where(o => !o.Complete).GroupBy(o => o.FailureKind ?? "incomplete").OrderByDescending(g => g.Count());

    public void Print(TextWriter output)
    {
        var mode = settings.Rate is { } rate ? $"open loop at {F(rate)} messages/s (at most {settings.Concurrency} in flight)" : $"closed loop, concurrency {settings.Concurrency}";
        output.WriteLine($"erds bench against {settings.Server}: {settings.Messages} messages, {settings.Attachments} x {ByteSize.Format(settings.AttachmentBytes)} attachments, {mode}");
        output.WriteLine($"messages:   {Accepted} accepted, {Complete} with complete chains, {Failed} errors{(NotRun > 0 ? $", {NotRun} not run (cancelled)" : "")}");
        if (Failed == 0)
        {
            output.WriteLine("errors:     none");
        }
        else
        {
            output.WriteLine("errors:");
            foreach (var group in Errors)
            {
                output.WriteLine($"  {group.Count(),6}  {group.Key}   e.g. {group.First().FailureDetail}");
            }
        }
        output.WriteLine($"wall time:  {F(wallTime.TotalSeconds)} s");
        output.WriteLine($"throughput: {F(Complete / Seconds)} messages/s with complete chains, {F(Evidences / Seconds)} evidences/s");
        output.WriteLine($"latency (ms)                        {"p50",9} {"p90",9} {"p99",9} {"max",9} {"n",7}");
        foreach (var (name, summary) in Latencies)
        {
            output.WriteLine(summary is null
                ? $"  {name,-32}  (no samples)"
                : $"  {name,-32}  {Ms(summary.P50),9} {Ms(summary.P90),9} {Ms(summary.P99),9} {Ms(summary.Max),9} {summary.Count,7}");
        }
        output.WriteLine($"polls:      {polls.Requests} evidence-list requests asking for {polls.MessagesAsked} messages ({F(polls.MessagesAsked / (double)Math.Max(1, _ran.Count))} per message)");
        if (maxScheduleLag is { } lag) output.WriteLine($"schedule:   starts lagged their schedule by at most {Ms(lag)} ms");
        if (load.Before is { } before && load.After is { } after)
        {
            output.WriteLine($"load:       1-minute load average {before:0.00} before, {after:0.00} after ({Environment.ProcessorCount} processors)");
        }
        if (ProcessMemory.Read(Environment.ProcessId) is { } self)
        {
            // Attachments are generated while they are sent: this stays small whatever --size says.
            output.WriteLine($"memory bench itself: peak {Mib(self.PeakBytes)}");
        }
        foreach (var m in memory)
        {
            output.WriteLine(m.Problem is not null
                ? $"memory pid {m.Pid}: {m.Problem}"
                : $"memory pid {m.Pid}: peak growth {Mib(m.PeakGrowthBytes)} (RSS before {Mib(m.RssBeforeBytes)}, peak {Mib(m.PeakBytes)}{(m.PeakReset ? "" : " since process start")}, RSS after {Mib(m.RssAfterBytes)})");
        }
    }

    public async Task WriteJsonAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var json = new JsonObject
        {
            ["server"] = settings.Server.ToString(),
            ["messages"] = settings.Messages,
            ["attachments"] = settings.Attachments,
            ["attachmentBytes"] = settings.AttachmentBytes,
            ["concurrency"] = settings.Concurrency,
            ["rate"] = settings.Rate,
            ["accepted"] = Accepted,
            ["complete"] = Complete,
            ["errors"] = Failed,
            ["evidences"] = Evidences,
            ["notRun"] = NotRun,
            ["errorsByKind"] = new JsonObject(Errors.Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count()))),
            ["wallTimeSeconds"] = wallTime.TotalSeconds,
            ["messagesPerSecond"] = Complete / Seconds,
            ["evidencesPerSecond"] = Evidences / Seconds,
            ["evidenceListRequests"] = polls.Requests,
            ["evidenceListMessagesAsked"] = polls.MessagesAsked,
            ["loadAverageBefore"] = load.Before,
            ["loadAverageAfter"] = load.After,
            ["processors"] = Environment.ProcessorCount,
            ["maxScheduleLagMs"] = maxScheduleLag?.TotalMilliseconds,
            ["latencyMs"] = new JsonObject(Latencies.Select(l => KeyValuePair.Create(l.Name, l.Summary is null ? null : (JsonNode)new JsonObject
            {
                ["count"] = l.Summary.Count,
                ["p50"] = l.Summary.P50.TotalMilliseconds,
                ["p90"] = l.Summary.P90.TotalMilliseconds,
                ["p99"] = l.Summary.P99.TotalMilliseconds,
                ["max"] = l.Summary.Max.TotalMilliseconds,
            }))),
            ["benchPeakBytes"] = ProcessMemory.Read(Environment.ProcessId)?.PeakBytes,
            ["memory"] = new JsonArray(memory.Select(m => (JsonNode)new JsonObject
            {
                ["pid"] = m.Pid,
                ["rssBeforeBytes"] = m.RssBeforeBytes,
                ["peakBytes"] = m.PeakBytes,
                ["peakReset"] = m.PeakReset,
                ["rssAfterBytes"] = m.RssAfterBytes,
                ["peakGrowthBytes"] = m.PeakGrowthBytes,
                ["problem"] = m.Problem,
            }).ToArray()),
            // Every message, for distributions the percentiles hide (e.g. steps of a fixed retry sleep).
            ["messageResults"] = new JsonArray(_ran.Select(o => (JsonNode)new JsonObject
            {
                ["messageId"] = o.MessageId?.ToString(),
                ["submitTo202Ms"] = o.SubmitTo202?.TotalMilliseconds,
                ["submitToAcceptanceMs"] = o.SubmitToAcceptance?.TotalMilliseconds,
                ["submitToHandoverMs"] = o.SubmitToHandover?.TotalMilliseconds,
                ["error"] = o.FailureKind,
            }).ToArray()),
        };
        await File.WriteAllTextAsync(file.FullName, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", cancellationToken);
    }

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
    private static string Mib(long? bytes) => bytes is { } b ? ByteSize.Mebibytes(b) : "?";
}
