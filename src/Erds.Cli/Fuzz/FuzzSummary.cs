using System.Globalization;

namespace Erds.Cli.Fuzz;

// What a run tried and what it found: inputs per kind with their verdicts, crashes (an exception escaped,
// with the input that caused it), VALID verdicts on forged content, and the worst time and allocation per
// kind and overall. Printed for people, and the same text goes into a test report.
internal sealed class FuzzSummary(TimeSpan maxTime, long maxAllocatedBytes)
{
    private readonly Dictionary<string, KindStats> _kinds = [];
    private readonly List<FuzzOutcome> _findings = [];

    public int Inputs { get; private set; }
    public int Crashes { get; private set; }
    public int Fooled { get; private set; }
    public int TooSlow { get; private set; }
    public int TooHungry { get; private set; }
    public TimeSpan MaxElapsed { get; private set; }
    public long MaxAllocated { get; private set; }
    public string? SlowestInput { get; private set; }
    public string? HungriestInput { get; private set; }
    public IReadOnlyList<FuzzOutcome> Findings => _findings;

    /// <summary>Inputs the generator could not make (they ran as genuine evidence): its own defects, reported apart.</summary>
    public List<string> GeneratorFailures { get; } = [];

    public bool Failed => Crashes + Fooled + TooSlow + TooHungry > 0;

    /// <summary>How many inputs of <paramref name="kind"/> were reported VALID.</summary>
    public int ValidOf(string kind) => _kinds.TryGetValue(kind, out var stats) ? stats.Valid : 0;

    public void Add(FuzzOutcome outcome)
    {
        Inputs++;
        var stats = _kinds.TryGetValue(outcome.Input.Kind, out var found) ? found : _kinds[outcome.Input.Kind] = new KindStats();
        stats.Count++;
        if (outcome.Valid) stats.Valid++;
        stats.MaxElapsed = Max(stats.MaxElapsed, outcome.Elapsed);
        stats.MaxAllocated = Math.Max(stats.MaxAllocated, outcome.AllocatedBytes);
        if (outcome.Elapsed > MaxElapsed) (MaxElapsed, SlowestInput) = (outcome.Elapsed, Name(outcome.Input));
        if (outcome.AllocatedBytes > MaxAllocated) (MaxAllocated, HungriestInput) = (outcome.AllocatedBytes, Name(outcome.Input));

        var finding = false;
        if (outcome.Crash is not null) { Crashes++; stats.Crashes++; finding = true; }
        if (outcome.Fooled) { Fooled++; finding = true; }
        if (outcome.Elapsed > maxTime) { TooSlow++; finding = true; }
        if (outcome.AllocatedBytes > maxAllocatedBytes) { TooHungry++; finding = true; }
        if (finding && _findings.Count < 100) _findings.Add(outcome);
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"{"kind",-28}{"inputs",8}{"valid",7}{"crashes",9}{"max ms",9}{"max MiB",9}");
        foreach (var (kind, stats) in _kinds.OrderBy(k => HostileInputs.Kinds.ToList().IndexOf(k.Key)))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-28}{stats.Count,8}{stats.Valid,7}{stats.Crashes,9}{stats.MaxElapsed.TotalMilliseconds,9:0}{stats.MaxAllocated / 1048576.0,9:0.0}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Inputs} inputs: {Crashes} crashes, {Fooled} forged inputs reported VALID, {TooSlow} over {maxTime.TotalMilliseconds:0} ms, {TooHungry} over {maxAllocatedBytes / 1048576.0:0} MiB allocated"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"slowest: {MaxElapsed.TotalMilliseconds:0} ms ({SlowestInput}); most allocated: {MaxAllocated / 1048576.0:0.0} MiB ({HungriestInput})"));
        if (GeneratorFailures.Count > 0)
            output.WriteLine($"{GeneratorFailures.Count} inputs the generator could not make, run as genuine evidence instead: {string.Join("; ", GeneratorFailures.Take(5))}");
        foreach (var finding in _findings)
        {
            var what = finding.Crash is { } crash ? $"crash: {crash.GetType().Name}: {crash.Message}"
                : finding.Fooled ? "forged content reported VALID"
                : string.Create(CultureInfo.InvariantCulture, $"{finding.Elapsed.TotalMilliseconds:0} ms, {finding.AllocatedBytes / 1048576.0:0.0} MiB");
            output.WriteLine($"  {Name(finding.Input)}: {what}");
            if (finding.Crash?.StackTrace is { } trace) output.WriteLine(string.Join('\n', trace.Split('\n').Take(6).Select(l => "      " + l.Trim())));
        }
    }

    public static string Name(FuzzInput input) => $"#{input.Index} {input.Kind}, {input.Xml.Length} bytes";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class KindStats
    {
        public int Count;
        public int Valid;
        public int Crashes;
        public TimeSpan MaxElapsed;
        public long MaxAllocated;
    }
}
