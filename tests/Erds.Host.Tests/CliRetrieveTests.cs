using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// `erds inbox retrieve` writes files whose names a stranger chose: they must land in a directory of
// their own, never replace a file of the recipient or of each other, and never become hidden dotfiles.
public sealed class CliRetrieveTests(CliRetrievalFixture run) : IClassFixture<CliRetrievalFixture>
{
    [Fact]
    public void Retrieve_writes_nothing_outside_a_directory_named_after_the_message()
    {
        var written = Directory.GetFileSystemEntries(run.Recipient.WorkingDirectory).Select(Path.GetFileName);
        Assert.Equal([run.MessageId.ToString()], written);
    }

    [Fact]
    public void Two_attachments_with_the_same_name_are_both_kept_with_their_own_bytes()
    {
        Assert.Equal(CliRetrievalFixture.FirstPdf, File.ReadAllBytes(Path.Combine(run.MessageDirectory, "a.pdf")));
        Assert.Equal(CliRetrievalFixture.SecondPdf, File.ReadAllBytes(Path.Combine(run.MessageDirectory, "a (2).pdf")));
    }

    [Fact]
    public void An_attachment_named_like_a_dotfile_is_not_saved_as_a_dotfile()
    {
        Assert.DoesNotContain(Directory.GetFileSystemEntries(run.MessageDirectory), path => Path.GetFileName(path).StartsWith('.'));
        Assert.Equal(CliRetrievalFixture.DotFile, File.ReadAllBytes(Path.Combine(run.MessageDirectory, "_bashrc")));
    }

    [Fact]
    public void An_attachment_named_like_the_body_file_does_not_replace_the_body()
    {
        Assert.Equal(CliRetrievalFixture.Body, File.ReadAllBytes(Path.Combine(run.MessageDirectory, "body.txt")));
        Assert.Equal(CliRetrievalFixture.BodyNamesake, File.ReadAllBytes(Path.Combine(run.MessageDirectory, "body (2).txt")));
    }

    [Fact]
    public void Retrieve_prints_where_each_part_went()
    {
        var files = Directory.GetFiles(run.MessageDirectory);
        Assert.Equal(5, files.Length);
        Assert.All(files, path => Assert.Contains($"\t{path}\t", run.RetrieveOutput));
    }

    [Fact]
    public async Task Retrieve_refuses_a_message_directory_that_is_not_empty()
    {
        var before = Directory.GetFiles(run.MessageDirectory).ToDictionary(p => p, File.ReadAllBytes);

        var (exit, stdout, stderr) = await run.Recipient.RunAsync("inbox", "retrieve", run.MessageId.ToString(), "--token", run.FirmToken);

        Assert.Equal(1, exit);
        Assert.Contains($"{run.MessageDirectory} already exists and is not empty", stderr);
        Assert.Equal(before, Directory.GetFiles(run.MessageDirectory).ToDictionary(p => p, File.ReadAllBytes));
        Assert.Empty(stdout);
    }
}
