using System.Text;
using System.Text.RegularExpressions;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// `erds verify` as an auditor runs it: one changed byte anywhere makes it fail and say what broke.
public sealed class CliVerifyTests(AllEvidenceFixture run) : IClassFixture<AllEvidenceFixture>
{
    private EvidenceFile Handover => run.Evidence.First(e => e.Event == "ContentHandover");

    [Fact]
    public async Task Verify_accepts_every_evidence_of_the_run()
    {
        var (exit, output) = await Cli.RunAsync(["verify", .. run.Evidence.Select(run.PathOf), "--trust", run.Provider.RootCertificatePath]);
        Assert.True(exit == 0, output);
        Assert.Equal(run.Evidence.Count, Regex.Matches(output, "^VALID: ", RegexOptions.Multiline).Count);
        Assert.Contains("ok   Timestamp", output);
    }

    [Fact]
    public async Task One_changed_byte_in_the_evidence_fails_naming_the_signature()
    {
        var path = Tampered(Handover, text => text.Replace("</erds:MessageIdentifier>", "0</erds:MessageIdentifier>"));
        var (exit, output) = await Cli.RunAsync("verify", path, "--trust", run.Provider.RootCertificatePath);
        Assert.Equal(2, exit);
        Assert.Contains("INVALID", output);
        Assert.Contains("FAIL Signature", output);
    }

    [Fact]
    public async Task One_changed_byte_in_the_timestamp_fails_naming_the_timestamp()
    {
        var path = Tampered(Handover, text =>
        {
            var start = text.IndexOf("EncapsulatedTimeStamp", StringComparison.Ordinal);
            var at = text.IndexOf('>', start) + 200;
            var replacement = text[at] == 'A' ? 'B' : 'A';
            return text[..at] + replacement + text[(at + 1)..];
        });
        var (exit, output) = await Cli.RunAsync("verify", path, "--trust", run.Provider.RootCertificatePath);
        Assert.Equal(2, exit);
        Assert.Contains("FAIL Timestamp", output);
        Assert.Contains("ok   Signature", output);
    }

    [Fact]
    public async Task One_changed_byte_in_an_attachment_fails_naming_the_content()
    {
        var original = Path.Combine(run.Directory, "dagvaarding.pdf");
        var bytes = run.AttachmentOf(Handover);
        await File.WriteAllBytesAsync(original, bytes);
        var (okExit, okOutput) = await Cli.RunAsync("verify", run.PathOf(Handover), "--trust", run.Provider.RootCertificatePath, "--content", original);
        Assert.True(okExit == 0, okOutput);
        Assert.Contains("is part 'attachment-1'", okOutput);

        bytes[^1] ^= 0x01;
        var changed = Path.Combine(run.Directory, "dagvaarding-changed.pdf");
        await File.WriteAllBytesAsync(changed, bytes);
        var (exit, output) = await Cli.RunAsync("verify", run.PathOf(Handover), "--trust", run.Provider.RootCertificatePath, "--content", changed);
        Assert.Equal(2, exit);
        Assert.Contains("FAIL ContentDigest: dagvaarding-changed.pdf", output);
    }

    [Fact]
    public async Task Another_root_fails_naming_the_certificate_chain()
    {
        var otherRoot = Path.Combine(run.Directory, "other-root.pem");
        using (var key = System.Security.Cryptography.ECDsa.Create())
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Someone else", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(otherRoot, certificate.ExportCertificatePem());
        }
        var (exit, output) = await Cli.RunAsync("verify", run.PathOf(Handover), "--trust", otherRoot);
        Assert.Equal(2, exit);
        Assert.Contains("FAIL CertificateChain", output);
    }

    private string Tampered(EvidenceFile file, Func<string, string> change)
    {
        var text = Encoding.UTF8.GetString(file.Xml);
        var changed = change(text);
        Assert.NotEqual(text, changed);
        var path = run.PathOf(file) + $".{Guid.NewGuid():N}.xml";
        File.WriteAllText(path, changed, new UTF8Encoding(false));
        return path;
    }
}
