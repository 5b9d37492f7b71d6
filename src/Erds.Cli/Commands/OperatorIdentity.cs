namespace Erds.Cli.Commands;

// Who runs an operator command, as the access log names them: the local account and machine.
internal static class OperatorIdentity
{
    public static string Current => $"{Environment.UserName}@{Environment.MachineName}" is var who && who.Length <= 128 ? who : who[..128];
}
