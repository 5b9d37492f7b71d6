using System.CommandLine;

namespace Erds.Cli.Commands;

internal static class CliAction
{
    // Runs a command body, turning expected failures into a message and exit code 1.
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await body(parse, cancellationToken);
                return 0;
            }
            catch (CliError error)
            {
                Console.Error.WriteLine($"error: {error.Message}");
                return 1;
            }
        });
}
