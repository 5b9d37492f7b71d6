using System.Globalization;

namespace Erds.Cli.Fuzz.Submissions;

// What a run sent and how the provider answered, per kind: inputs, answers per status code (429 among
// them: the provider's rate limits and quotas may answer), 5xx, hangs, connections dropped without an
// answer, 4xx that were not problem+json, and the slowest answer. The findings are listed below the table.
internal sealed class SubmissionFuzzSummary
{
    private readonly Dictionary<string, KindStats> _kinds = [];
    private readonly List<SubmissionOutcome> _findings = [];
    private readonly Dictionary<string, int> _findingsOf = [];
    private readonly Lock _lock = new();

    public int Inputs { get; private set; }
    public int Requests { get; private set; }
    public int ServerErrors { get; private set; }
    public int Hangs { get; private set; }
    public int Dropped { get; private set; }
    public int ClientFailures { get; private set; }
    public int NotProblemJson { get; private set; }
    public int ClosedEarly { get; private set; }
    public TimeSpan MaxElapsed { get; private set; }
    public string? SlowestInput { get; private set; }
    public List<string> GeneratorFailures { get; } = [];
    public IReadOnlyList<SubmissionOutcome> Findings => _findings;

    public bool Failed => ServerErrors + Hangs + Dropped > 0;

    public int CountOf(int status) => _kinds.Values.Sum(k => k.Statuses.GetValueOrDefault(status));

    public void Add(SubmissionOutcome outcome)
    {
        lock (_lock)
        {
            Inputs++;
            var stats = _kinds.TryGetValue(outcome.Input.Kind, out var found) ? found : _kinds[outcome.Input.Kind] = new KindStats();
            stats.Inputs++;
            foreach (var answer in outcome.Answers)
            {
                Requests++;
                if (answer.Status is { } status) stats.Statuses[status] = stats.Statuses.GetValueOrDefault(status) + 1;
                if (answer.IsServerError) { ServerErrors++; stats.ServerErrors++; }
                if (answer.IsHang) { Hangs++; stats.Hangs++; }
                if (answer.IsDropped) { Dropped++; stats.Dropped++; }
                if (answer.IsClientFailure) { ClientFailures++; stats.ClientFailures++; }
                if (answer.ClosedEarly) { ClosedEarly++; stats.ClosedEarly++; }
                if (answer.Status is >= 400 and < 500 && !answer.ProblemJson) { NotProblemJson++; stats.NotProblemJson++; }
                if (answer.Elapsed > stats.MaxElapsed) stats.MaxElapsed = answer.Elapsed;
                if (answer.Elapsed > MaxElapsed) (MaxElapsed, SlowestInput) = (answer.Elapsed, Name(outcome.Input));
            }
            // Up to ten findings of each kind and way of failing, so that a rare one is not crowded out by a frequent one.
            if (outcome.IsFinding || outcome.Answers.Any(a => a.IsClientFailure))
            {
                var key = outcome.Input.Kind + "|" + string.Join(",", outcome.Answers.Select(a => a.Failure ?? (a.IsServerError ? a.Status.ToString() : "")));
                if (_findingsOf.TryGetValue(key, out var count) && count >= 10) return;
                _findingsOf[key] = count + 1;
                _findings.Add(outcome);
            }
        }
    }

    public void Print(TextWriter output)
    {
        var statuses = _kinds.Values.SelectMany(k => k.Statuses.Keys).Distinct().Order().ToList();
        output.WriteLine($"{"kind",-24}{"inputs",7}" + string.Concat(statuses.Select(s => $"{s,6}")) + $"{"5xx",6}{"hangs",7}{"dropped",8}{"closed early",13}{"non-problem 4xx",16}{"max ms",8}");
        foreach (var (kind, stats) in _kinds.OrderBy(k => SubmissionInputs.Kinds.ToList().IndexOf(k.Key)))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-24}{stats.Inputs,7}{string.Concat(statuses.Select(s => $"{stats.Statuses.GetValueOrDefault(s),6}"))}{stats.ServerErrors,6}{stats.Hangs,7}{stats.Dropped,8}{stats.ClosedEarly,13}{stats.NotProblemJson,16}{stats.MaxElapsed.TotalMilliseconds,8:0}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total: {Inputs} inputs, {Requests} requests: {string.Join(", ", statuses.Select(s => $"{CountOf(s)}×{s}"))}; {ServerErrors} 5xx, {Hangs} hangs, {Dropped} dropped without an answer, {ClosedEarly} answered only with Expect: 100-continue, {NotProblemJson} 4xx not problem+json; slowest {MaxElapsed.TotalMilliseconds:0} ms ({SlowestInput})"));
        if (ClientFailures > 0) output.WriteLine($"{ClientFailures} requests this side could not send (the generator's defects, not the provider's)");
        if (GeneratorFailures.Count > 0)
            output.WriteLine($"{GeneratorFailures.Count} inputs the generator could not make, sent as a valid submission instead: {string.Join("; ", GeneratorFailures.Take(5))}");
        foreach (var finding in _findings)
        {
            for (var n = 0; n < finding.Answers.Count; n++)
            {
                var answer = finding.Answers[n];
                if (!answer.IsFinding && !answer.IsClientFailure) continue;
                var what = answer.Status is { } status ? $"HTTP {status}: {answer.Excerpt}" : $"{answer.Failure}: {answer.FailureDetail}";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Name(finding.Input)}, request {n + 1}, {answer.Elapsed.TotalMilliseconds:0} ms: {what}"));
            }
        }
    }

    public static string Name(SubmissionInput input) => $"#{input.Index} {input.Kind}, {input.Requests.Sum(r => r.Body.Length)} bytes";

    private sealed class KindStats
    {
        public int Inputs;
        public readonly Dictionary<int, int> Statuses = [];
        public int ServerErrors;
        public int Hangs;
        public int Dropped;
        public int ClientFailures;
        public int NotProblemJson;
        public int ClosedEarly;
        public TimeSpan MaxElapsed;
    }
}
