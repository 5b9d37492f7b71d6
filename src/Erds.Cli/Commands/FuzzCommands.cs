using System.CommandLine;
using System.Globalization;
using Erds.Cli.Bench;
using Erds.Cli.Fuzz;

namespace Erds.Cli.Commands;

// erds fuzz: seeded hostile inputs against the parts of the provider that take untrusted input, for as
// long as one cares to run them. Each subcommand exits non-zero when anything it tried misbehaved.
internal static class FuzzCommands
{
    public static Command Create() => new("fuzz", "Throw seeded hostile inputs at the provider's input handling and report what it tried and what broke.")
    {
        Verify(),
        FuzzSubmitCommand.Create(),
        FuzzCheckCommand.Create(),
    };

    private static Command Verify()
    {
        var count = new Option<int>("--count") { Description = "How many inputs.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "The seed: the same seed makes the same kinds of input in the same order (default: random, printed).", DefaultValueFactory = _ => Random.Shared.Next() };
        var start = new Option<int>("--start") { Description = "The number of the first input (to run one input again: --start N --count 1).", DefaultValueFactory = _ => 0 };
        var maxMs = new Option<int>("--max-ms") { Description = "An input taking longer than this many milliseconds is a finding.", DefaultValueFactory = _ => 1000 };
        var maxMib = new Option<int>("--max-mib") { Description = "An input allocating more than this many MiB is a finding.", DefaultValueFactory = _ => 64 };
        var save = new Option<DirectoryInfo?>("--save") { Description = "Write every input that is a finding (and the one running, as current.xml) into this directory." };
        var command = new Command("verify", "Hostile and mutated evidence against the verifier and the evidence reader: 0 crashes, each within --max-ms and --max-mib.")
        {
            count, seed, start, maxMs, maxMib, save,
        };
        CliAction.Set(command, async (parse, _) =>
        {
            var settings = new VerifierFuzzRun.Settings(parse.GetValue(seed), parse.GetValue(start), parse.GetValue(count),
                TimeSpan.FromMilliseconds(parse.GetValue(maxMs)), parse.GetValue(maxMib) * 1024L * 1024L)
            {
                SaveTo = parse.GetValue(save),
                HangBound = TimeSpan.FromMinutes(1),
                Progress = Console.Error,
            };
            if (settings.Count <= 0 || settings.Start < 0 || settings.MaxTime <= TimeSpan.Zero || settings.MaxAllocatedBytes <= 0)
                throw new CliError("--count, --max-ms and --max-mib must be positive and --start not negative.");
            settings.SaveTo?.Create();

            var loadBefore = MachineLoad.OneMinute();
            var began = DateTimeOffset.UtcNow;
            Console.WriteLine($"erds fuzz verify --seed {settings.Seed} --start {settings.Start} --count {settings.Count}: {began:u}, {Environment.ProcessorCount} processors, load {Load(loadBefore)}");
            var summary = await VerifierFuzzRun.RunAsync(settings);
            summary.Print(Console.Out);
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            Console.WriteLine($"took {(DateTimeOffset.UtcNow - began).TotalSeconds:0} s; peak working set {ByteSize.Mebibytes(self.PeakWorkingSet64)}; load {Load(loadBefore)} before, {Load(MachineLoad.OneMinute())} after");
            if (summary.Failed)
                throw new CliError($"{summary.Crashes} crashes, {summary.Fooled} forgeries reported VALID, {summary.TooSlow} slow and {summary.TooHungry} hungry inputs (seed {settings.Seed}).");
        });
        return command;
    }

    private static string Load(double? load) => load?.ToString("0.00", CultureInfo.InvariantCulture) ?? "unknown";
}
