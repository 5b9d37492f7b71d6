using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// File names our own provider would refuse, served by another one: the command line still saves
// them under harmless names and never echoes their control characters to the terminal.
public sealed class CliRetrieveCraftedNameTests
{
    [Fact]
    public async Task Control_characters_and_path_separators_in_a_file_name_are_replaced()
    {
        await using var provider = await CraftedProvider.StartAsync(
            ("red\u001b[31m.pdf", "%PDF escape"u8.ToArray()),
            ("..\\..\\evil.pdf", "%PDF backslash"u8.ToArray()),
            ("bell\u0007\nline.txt", "bell"u8.ToArray()));
        var directory = Directory.CreateTempSubdirectory("erds-crafted-").FullName;
        try
        {
            var messageId = Guid.NewGuid();
            var (exit, stdout, stderr) = await new CliSession(provider.BaseAddress, directory).RunAsync(
                "inbox", "retrieve", messageId.ToString(), "--token", "any");

            var output = stdout + stderr;
            Assert.True(exit == 0, output);
            var saved = Directory.GetFiles(Path.Combine(directory, messageId.ToString())).Select(Path.GetFileName).Order(StringComparer.Ordinal);
            Assert.Equal(["___.._evil.pdf", "bell__line.txt", "red_[31m.pdf"], saved);
            Assert.DoesNotContain(output, c => char.IsControl(c) && c is not '\t' and not '\n');
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
