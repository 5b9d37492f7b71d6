using System.CommandLine;
using Erds.Cli.Commands;

namespace Erds.Cli;

// erds: the operator's and auditor's command line. Operator commands (init, org, user, mailbox,
// token, access-log) work on the provider's data directory; the others talk to a running provider over HTTP
// (bench loads it and measures); verify works offline.
public static class CliApp
{
    public static RootCommand Build() => new("ErdsService command line: registered delivery with sealed, timestamped evidence.")
    {
        InitCommand.Create(),
        OrganisationCommands.Create(),
        UserCommands.Create(),
        MailboxCommands.Create(),
        TokenCommands.Create(),
        AccessLogCommand.Create(),
        SubmitCommand.Create(),
        MessageCommands.CreateStatus(),
        EvidenceCommands.Create(),
        InboxCommands.Create(),
        VerifyCommand.Create(),
        FaultCommands.Create(),
        BenchCommand.Create(),
        FuzzCommands.Create(),
    };
}
