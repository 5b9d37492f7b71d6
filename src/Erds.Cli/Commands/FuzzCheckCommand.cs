using System.CommandLine;
using Erds.Cli.Fuzz.Submissions;
using Erds.Persistence;

namespace Erds.Cli.Commands;

// erds fuzz check: after a fuzz run (or any time), whether what submissions left in the database and in
// content storage hangs together. Non-zero exit on any inconsistency.
internal static class FuzzCheckCommand
{
    public static Command Create()
    {
        var database = new DatabaseOptions();
        var wait = new Option<int>("--wait-seconds") { Description = "How long to wait for the evidence service to evidence (or park) every submission event before checking.", DefaultValueFactory = _ => 120 };
        var command = new Command("check", "Check the provider's database and content storage after a fuzz run: one submission event per message, parts and files of accepted messages only, idempotency records naming existing messages, every submission event evidenced or parked.")
        {
            wait,
        };
        database.AddTo(command);
        CliAction.Set(command, async (parse, cancellationToken) =>
        {
            if (parse.GetValue(wait) < 0) throw new CliError("--wait-seconds must not be negative.");
            await using var db = await database.OpenAsync(parse, cancellationToken);
            var contentDirectory = new StorageOptions { DataDirectory = parse.GetValue(database.DataDirectory)! }.ContentDirectory;
            Console.WriteLine($"erds fuzz check: database {db.Database.ProviderName}, content in {contentDirectory}");
            var report = await new ConsistencyCheck(db, contentDirectory).RunAsync(TimeSpan.FromSeconds(parse.GetValue(wait)), Console.Error, cancellationToken);
            report.Print(Console.Out);
            if (!report.Consistent) throw new CliError($"{report.Problems} inconsistencies.");
        });
        return command;
    }
}
