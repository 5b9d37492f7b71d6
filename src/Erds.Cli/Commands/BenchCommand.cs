using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Erds.Cli.Api;
using Erds.Cli.Bench;

namespace Erds.Cli.Commands;

internal static class BenchCommand
{
    public static Command Create()
    {
        var messages = new Option<int>("--messages") { Description = "How many messages to send.", DefaultValueFactory = _ => 100 };
        var size = new Option<long>("--size")
        {
            Description = "Size of each attachment: bytes, or with KiB, MiB, GiB (e.g. 16KiB, 1GiB). Generated on the fly, never held in memory.",
            DefaultValueFactory = _ => 16 * 1024,
            CustomParser = ParseSize,
        };
        var attachments = new Option<int>("--attachments") { Description = "Attachments per message.", DefaultValueFactory = _ => 2 };
        var concurrency = new Option<int>("--concurrency") { Description = "Messages in flight (closed loop), or at most in flight with --rate.", DefaultValueFactory = _ => 8 };
        var rate = new Option<double?>("--rate") { Description = "Target messages/s: start messages on a fixed schedule (open loop) instead of one after another." };
        var server = CommonOptions.Server();
        var token = CommonOptions.Token();
        var recipientToken = new Option<string>("--recipient-token") { Description = "The recipient's API token: each message is retrieved with it, so that the chain ends in ContentHandover.", Required = true };
        var from = new Option<string>("--from") { Description = "The sending mailbox.", Required = true };
        var to = new Option<string>("--to") { Description = "The recipient's address (a mailbox of the --recipient-token's organisation).", Required = true };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "How long one message may take for its whole chain (e.g. 00:01:00).", DefaultValueFactory = _ => TimeSpan.FromMinutes(2) };
        var pids = new Option<int[]>("--pids") { Description = "Processes whose peak memory to report, e.g. --pids 1234,5678.", CustomParser = ParsePids };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the results to this JSON file." };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Messages sent first with the same options and not counted (this process's and the provider's warm-up: JIT, connection pools, thread pools).",
            DefaultValueFactory = _ => 0,
        };

        var command = new Command("bench", "Load a running provider: send messages, retrieve them as the recipient, and measure until every evidence chain is complete.")
        {
            messages, size, attachments, concurrency, rate, server, token, recipientToken, from, to, timeout, pids, json, warmup,
        };
        CliAction.Set(command, async (parse, cancellationToken) =>
        {
            var settings = new BenchSettings
            {
                Messages = parse.GetValue(messages),
                AttachmentBytes = parse.GetValue(size),
                Attachments = parse.GetValue(attachments),
                Concurrency = parse.GetValue(concurrency),
                Rate = parse.GetValue(rate),
                Server = parse.GetValue(server)!,
                From = parse.GetValue(from)!,
                To = parse.GetValue(to)!,
                Timeout = parse.GetValue(timeout),
                Pids = parse.GetValue(pids) ?? [],
            };
            var warmupMessages = parse.GetValue(warmup);
            Validate(settings);
            if (warmupMessages < 0) throw new CliError("--warmup must not be negative.");
            using var sender = new ProviderClient(settings.Server, parse.GetValue(token)!);
            using var recipient = new ProviderClient(settings.Server, parse.GetValue(recipientToken)!);
            var client = new BenchClient(sender, recipient, settings);
            await using var poller = new EvidencePoller(client, maxConcurrentRequests: 4);
            var generator = new LoadGenerator(new MessageRun(client, poller, settings.Timeout, TimeProvider.System), settings);

            // Ctrl+C ends the run early but still reports what finished; System.CommandLine's own
            // handling would end the process before the report is printed.
            using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                interrupted.Cancel();
            });

            if (warmupMessages > 0) await WarmUpAsync(new MessageRun(client, poller, settings.Timeout, TimeProvider.System), settings with { Messages = warmupMessages }, interrupted.Token);
            var (requestsBefore, askedBefore) = (poller.Requests, poller.MessagesAsked);
            var loadBefore = MachineLoad.OneMinute();
            var memory = MemoryWatch.Start(settings.Pids);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await generator.RunAsync(interrupted.Token);
            }
            catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
            {
                Console.Error.WriteLine("cancelled: reporting what finished");
            }
            var report = new BenchReport(settings, generator.Outcomes, Stopwatch.GetElapsedTime(started), (poller.Requests - requestsBefore, poller.MessagesAsked - askedBefore),
                settings.Rate is null ? null : generator.MaxScheduleLag, memory.Stop(), (loadBefore, MachineLoad.OneMinute()));

            report.Print(Console.Out);
            if (parse.GetValue(json) is { } file) await report.WriteJsonAsync(file, CancellationToken.None);
            if (report.Failed > 0 || report.NotRun > 0)
            {
                throw new CliError($"{report.Failed + report.NotRun} of {settings.Messages} messages did not complete their evidence chain.");
            }
        });
        return command;
    }

    // The same load, numbered after the measured messages, run to its end before the measurement starts;
    // only a line on stderr says how it went.
    private static async Task WarmUpAsync(MessageRun run, BenchSettings warmup, CancellationToken cancellationToken)
    {
        var generator = new LoadGenerator(run, warmup, firstIndex: int.MaxValue / 2);
        var started = Stopwatch.GetTimestamp();
        await generator.RunAsync(cancellationToken);
        var failed = generator.Outcomes.Count(o => o is not { Complete: true });
        Console.Error.WriteLine($"warm-up: {warmup.Messages} messages in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s, {failed} without a complete chain; not counted");
    }

    private static void Validate(BenchSettings settings)
    {
        if (settings.Messages < 1) throw new CliError("--messages must be at least 1.");
        if (settings.Attachments < 0) throw new CliError("--attachments must not be negative.");
        if (settings.Concurrency < 1) throw new CliError("--concurrency must be at least 1.");
        if (settings.Rate is <= 0) throw new CliError("--rate must be positive.");
        if (settings.Timeout <= TimeSpan.Zero) throw new CliError("--timeout must be positive.");
    }

    private static long ParseSize(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (ByteSize.TryParse(text, out var bytes) && bytes > 0) return bytes;
        result.AddError($"'{text}' is not a size: use bytes or a number with KiB, MiB or GiB.");
        return 0;
    }

    private static int[] ParsePids(ArgumentResult result)
    {
        var pids = new List<int>();
        foreach (var item in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0) pids.Add(pid);
            else result.AddError($"'{item}' is not a process id.");
        }
        return [.. pids];
    }
}
