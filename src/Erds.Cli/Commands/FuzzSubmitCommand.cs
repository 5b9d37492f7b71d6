using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Erds.Cli.Bench;
using Erds.Cli.Fuzz.Submissions;

namespace Erds.Cli.Commands;

// erds fuzz submit: seeded hostile and mutated submissions against a running provider. A 4xx problem
// answer is a correct answer; a 5xx, a request without an answer within --timeout, or a connection ended
// without an answer is a finding, and any finding makes the exit code non-zero.
internal static class FuzzSubmitCommand
{
    public static Command Create()
    {
        var server = CommonOptions.Server();
        server.Aliases.Add("--url");
        var token = CommonOptions.Token();
        var from = new Option<string>("--from") { Description = "The sending mailbox (of the token's organisation).", Required = true };
        var to = new Option<string[]>("--to")
        {
            Description = "Recipient addresses, mailboxes of this provider: --to a@x.example,b@y.example (valid inputs are sent to one to three of them).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        };
        var count = new Option<int>("--count") { Description = "How many inputs.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "The seed: the same seed makes the same inputs in the same order (default: random, printed).", DefaultValueFactory = _ => Random.Shared.Next() };
        var start = new Option<int>("--start") { Description = "The number of the first input (to send one input again: --start N --count 1).", DefaultValueFactory = _ => 0 };
        var concurrency = new Option<int>("--concurrency") { Description = "Inputs in flight at once.", DefaultValueFactory = _ => 4 };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "A request without an answer after this long is a hang (30s, 2m, or 00:00:30).",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(30),
            CustomParser = ParseTimeout,
        };
        var sizeLimit = new Option<string>("--size-limit")
        {
            Description = "The provider's Erds:Submission:MaxMessageBytes: the over-limit inputs send parts just past it (bytes, or with KiB, MiB, GiB).",
            DefaultValueFactory = _ => "1MiB",
        };
        var kinds = new Option<string[]>("--kind")
        {
            Description = $"Send only inputs of these kinds (input I is of kind I modulo {SubmissionInputs.Kinds.Count}): {string.Join(", ", SubmissionInputs.Kinds)}.",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        };
        var save = new Option<DirectoryInfo?>("--save") { Description = "Write every input that is a finding into this directory (.body and .headers per request)." };
        var command = new Command("submit", "Seeded hostile and mutated submissions against POST /api/v1/messages: 0 5xx, 0 hangs, 0 connections dropped without an answer.")
        {
            server, token, from, to, count, seed, start, concurrency, timeout, sizeLimit, kinds, save,
        };
        CliAction.Set(command, async (parse, cancellationToken) =>
        {
            if (!ByteSize.TryParse(parse.GetValue(sizeLimit)!, out var limit) || limit <= 0 || limit > 256L * 1024 * 1024)
                throw new CliError("--size-limit must be a size between 1 byte and 256 MiB (the over-limit inputs are held in memory).");
            var recipients = parse.GetValue(to) ?? [];
            if (recipients.Length == 0) throw new CliError("--to needs at least one address.");
            if (string.IsNullOrWhiteSpace(parse.GetValue(token))) throw new CliError("--token (or $ERDS_TOKEN) is required.");
            var settings = new SubmissionFuzzRun.Settings(parse.GetValue(server)!, new FuzzParties(parse.GetValue(token)!, parse.GetValue(from)!, recipients, limit),
                parse.GetValue(seed), parse.GetValue(start), parse.GetValue(count))
            {
                Concurrency = parse.GetValue(concurrency),
                Timeout = parse.GetValue(timeout),
                SaveTo = parse.GetValue(save),
                Progress = Console.Error,
                Kinds = (parse.GetValue(kinds) ?? []).ToHashSet(),
            };
            var unknown = settings.Kinds.Except(SubmissionInputs.Kinds).ToList();
            if (unknown.Count > 0) throw new CliError($"Unknown kind: {string.Join(", ", unknown)}. Kinds: {string.Join(", ", SubmissionInputs.Kinds)}.");
            if (settings.Count <= 0 || settings.Start < 0 || settings.Concurrency <= 0 || settings.Timeout <= TimeSpan.Zero)
                throw new CliError("--count, --concurrency and --timeout must be positive and --start not negative.");
            settings.SaveTo?.Create();

            var loadBefore = MachineLoad.OneMinute();
            var began = DateTimeOffset.UtcNow;
            Console.WriteLine($"erds fuzz submit --seed {settings.Seed} --start {settings.Start} --count {settings.Count} --concurrency {settings.Concurrency} against {settings.Server}: {began:u}, {Environment.ProcessorCount} processors, load {Load(loadBefore)}");
            var summary = await SubmissionFuzzRun.RunAsync(settings, cancellationToken);
            summary.Print(Console.Out);
            Console.WriteLine($"took {(DateTimeOffset.UtcNow - began).TotalSeconds:0} s; load {Load(loadBefore)} before, {Load(MachineLoad.OneMinute())} after ({File.ReadAllText("/proc/loadavg").Trim()})");
            if (summary.Failed)
                throw new CliError($"{summary.ServerErrors} 5xx, {summary.Hangs} hangs and {summary.Dropped} connections dropped without an answer (seed {settings.Seed}).");
        });
        return command;
    }

    private static TimeSpan ParseTimeout(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        var unit = text.Length > 0 ? text[^1] : ' ';
        if (unit is 's' or 'm' or 'h' && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            return unit switch { 's' => TimeSpan.FromSeconds(amount), 'm' => TimeSpan.FromMinutes(amount), _ => TimeSpan.FromHours(amount) };
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero) return span;
        result.AddError($"--timeout '{text}': write 30s, 2m, 1h or 00:00:30.");
        return TimeSpan.Zero;
    }

    private static string Load(double? load) => load?.ToString("0.00", CultureInfo.InvariantCulture) ?? "unknown";
}
