namespace Erds.Cli.Commands;

// A failure the user can act on: printed as one line on stderr, exit code 1, no stack trace.
internal sealed class CliError(string message) : Exception(message);
