using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// docs/getting-started.md, run verbatim: the provider as a real process, then every ```bash block of
// the document in one bash session, as a newcomer would type them.
public sealed class GettingStartedTests
{
    [Fact]
    public async Task The_getting_started_guide_works_verbatim()
    {
        var root = ExternalTool.RepositoryRoot();
        var guide = await File.ReadAllTextAsync(Path.Combine(root, "docs", "getting-started.md"));
        var blocks = Regex.Matches(guide, "```bash\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 6, "the guide has its bash blocks");
        Assert.Contains("dotnet run --project src/Erds.Host", guide);

        await using var host = await HostProcess.StartAsync();
        var script = "set -euo pipefail\n" + string.Join("\n", blocks);
        var (exit, output) = await RunBashAsync(root, script, host);
        Assert.True(exit == 0, "the guide failed:\n" + output);

        Assert.Equal(4, Regex.Matches(output, "^VALID: ", RegexOptions.Multiline).Count);
        Assert.Contains("ok   ContentDigest: dagvaarding.pdf is part 'attachment-1'", output);
        Assert.Contains("ContentHandover", output);
        Assert.DoesNotContain("INVALID", output);
        Assert.Single(Directory.GetFiles(Path.Combine(host.DataDirectory, "mail-pickup"), "*.eml"));
    }

    private static async Task<(int ExitCode, string Output)> RunBashAsync(string root, string script, HostProcess host)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ERDS_DATA_DIR"] = host.DataDirectory;
        start.Environment["ERDS_SERVER"] = host.BaseAddress.ToString();
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
