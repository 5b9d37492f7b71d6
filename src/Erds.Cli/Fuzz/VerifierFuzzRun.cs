using System.Diagnostics;

namespace Erds.Cli.Fuzz;

// Runs inputs start..start+count-1 of a seeded run one after another on this thread, so that the
// allocation of each is measured alone. A watchdog, when asked for, ends the process when one input runs
// longer than the hang bound: a verifier that never answers must not make the run hang with it.
internal static class VerifierFuzzRun
{
    public sealed record Settings(int Seed, int Start, int Count, TimeSpan MaxTime, long MaxAllocatedBytes)
    {
        public DirectoryInfo? SaveTo { get; init; }
        public TimeSpan? HangBound { get; init; }
        public TextWriter? Progress { get; init; }
    }

    public static async Task<FuzzSummary> RunAsync(Settings settings)
    {
        using var target = await VerifierTarget.CreateAsync();
        var inputs = new HostileInputs(target, settings.Seed);
        var summary = new FuzzSummary(settings.MaxTime, settings.MaxAllocatedBytes);
        FuzzInput? current = null;
        var currentStarted = Stopwatch.GetTimestamp();
        using var watchdog = settings.HangBound is { } bound ? new Timer(_ =>
        {
            if (Volatile.Read(ref current) is { } input && Stopwatch.GetElapsedTime(Volatile.Read(ref currentStarted)) > bound)
            {
                Console.Error.WriteLine($"fuzz: input {FuzzSummary.Name(input)} (seed {settings.Seed}) has run longer than {bound}; stopping.");
                Save(settings.SaveTo, input);
                Environment.Exit(3);
            }
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) : null;

        for (var index = settings.Start; index < settings.Start + settings.Count; index++)
        {
            var input = inputs.Make(index);
            // Written before it runs, so that an input that kills the process is on disk afterwards.
            if (settings.SaveTo is not null) await File.WriteAllBytesAsync(Path.Combine(settings.SaveTo.FullName, "current.xml"), input.Xml);
            Volatile.Write(ref currentStarted, Stopwatch.GetTimestamp());
            Volatile.Write(ref current, input);
            var outcome = target.Run(input);
            Volatile.Write(ref current, null);
            summary.Add(outcome);
            if (outcome.Crash is not null || outcome.Fooled || outcome.Elapsed > settings.MaxTime || outcome.AllocatedBytes > settings.MaxAllocatedBytes)
                Save(settings.SaveTo, input);
            var done = index - settings.Start + 1;
            if (settings.Progress is { } progress && done % 1000 == 0)
                progress.WriteLine($"fuzz: {done} of {settings.Count} inputs (seed {settings.Seed}, last #{index}), {summary.Crashes} crashes so far");
        }
        summary.GeneratorFailures.AddRange(inputs.GeneratorFailures);
        return summary;
    }

    private static void Save(DirectoryInfo? directory, FuzzInput input)
    {
        if (directory is null) return;
        var name = Path.Combine(directory.FullName, $"{input.Index}-{input.Kind}");
        File.WriteAllBytes(name + ".xml", input.Xml);
        for (var i = 0; i < (input.Crls?.Count ?? 0); i++) File.WriteAllBytes($"{name}-{i}.crl", input.Crls![i]);
        for (var i = 0; i < (input.OcspResponses?.Count ?? 0); i++) File.WriteAllBytes($"{name}-{i}.ocsp", input.OcspResponses![i]);
    }
}
