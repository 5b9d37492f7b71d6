using Xunit;

namespace Erds.Host.Tests.Support;

// The court and the law firm of docs/getting-started.md, registered on a provider process with the
// operator commands, with a token for each.
public sealed record ProcessParties(string CourtToken, string FirmToken)
{
    public const string Court = "griffie@rechtbank.example";
    public const string Firm = "kantoor@devries-advocaten.example";

    // extraFirmMailboxes: more mailboxes of the firm, e.g. a lawyer's own.
    public static async Task<ProcessParties> SeedAsync(HostProcess host, params string[] extraFirmMailboxes)
    {
        async Task<string> Run(params string[] arguments)
        {
            var (exit, output) = await Cli.RunAsync([.. arguments, "--data-dir", host.DataDirectory]);
            Assert.True(exit == 0, string.Join(' ', arguments) + ":\n" + output);
            return output.Trim();
        }
        await Run("org", "add", "--handle", "rechtbank", "--name", "Rechtbank Amsterdam", "--legal-id", "00000001003214345000");
        await Run("mailbox", "add", "--org", "rechtbank", "--address", Court, "--functional");
        await Run("org", "add", "--handle", "devries", "--name", "Advocatenkantoor De Vries", "--legal-id", "12345678");
        await Run("mailbox", "add", "--org", "devries", "--address", Firm);
        foreach (var mailbox in extraFirmMailboxes) await Run("mailbox", "add", "--org", "devries", "--address", mailbox);
        return new ProcessParties(
            await Run("token", "issue", "--org", "rechtbank", "--assurance", "substantial"),
            await Run("token", "issue", "--org", "devries", "--assurance", "substantial"));
    }
}
