namespace Erds.Cli.Fuzz.Submissions;

// Who the fuzz sends as and to: the sender's token and mailbox, the recipients' addresses (mailboxes of the
// provider, so that valid inputs are accepted), and the provider's Erds:Submission:MaxMessageBytes, which
// the over-limit inputs exceed.
internal sealed record FuzzParties(string Token, string From, IReadOnlyList<string> To, long SizeLimit);
