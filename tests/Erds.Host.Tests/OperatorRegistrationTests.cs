using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// What an operator registers is written into sealed evidence and shown to people: it passes the same
// gate as the API's door, so that no registration can make evidence unsealable or forge what is read.
public sealed class OperatorRegistrationTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "erds-registration-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("org", "Rechtbank\u0001Amsterdam", "U+0001")]
    [InlineData("org", "Rechtbank \u202EmadretsmA", "U+202E")]
    [InlineData("user", "Clerk\u2028Forged line", "U+2028")]
    [InlineData("mailbox", "griffie\u0007@rechtbank.example", "U+0007")]
    public async Task A_registration_with_text_evidence_cannot_carry_or_people_could_misread_is_refused(string what, string text, string character)
    {
        var (created, _) = await Cli.RunAsync("org", "add", "--handle", "rechtbank", "--name", "Rechtbank Amsterdam", "--data-dir", _dataDirectory);
        Assert.Equal(0, created);

        var (exit, output) = what switch
        {
            "org" => await Cli.RunAsync("org", "add", "--handle", "other", "--name", text, "--data-dir", _dataDirectory),
            "user" => await Cli.RunAsync("user", "add", "--org", "rechtbank", "--name", text, "--email", "clerk@rechtbank.example", "--data-dir", _dataDirectory),
            _ => await Cli.RunAsync("mailbox", "add", "--org", "rechtbank", "--address", text, "--data-dir", _dataDirectory),
        };

        Assert.Equal(1, exit);
        Assert.Contains(character, output);
        Assert.Contains("cannot be recorded", output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
