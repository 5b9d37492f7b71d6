using System.CommandLine;
using Erds.Cli.Commands;

// erds: the operator's and auditor's command line. Operator commands (org, user, mailbox, token,
// init) work on the provider's data directory; the others talk to a running provider over HTTP;
// verify works offline.
var root = new RootCommand("ErdsService command line: registered delivery with sealed, timestamped evidence.");
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(OrganisationCommands.Create());
root.Subcommands.Add(UserCommands.Create());
root.Subcommands.Add(MailboxCommands.Create());
root.Subcommands.Add(TokenCommands.Create());
root.Subcommands.Add(SubmitCommand.Create());
root.Subcommands.Add(MessageCommands.CreateStatus());
root.Subcommands.Add(EvidenceCommands.Create());
root.Subcommands.Add(InboxCommands.Create());
root.Subcommands.Add(VerifyCommand.Create());
return await root.Parse(args).InvokeAsync();
