using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Erds.Evidence;
using Erds.Evidence.Pki;
using Erds.Evidence.Signing;
using Erds.Evidence.Timestamping;
using Erds.Evidence.Xml;
using Erds.Host.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Erds.Host.Tests;

// `erds verify` as an auditor runs it: one changed byte anywhere makes it fail and say what broke; a forged
// seal is named as such; files it cannot or must not read get a plain verdict, and the others still get theirs.
public sealed class CliVerifyTests(AllEvidenceFixture run) : IClassFixture<AllEvidenceFixture>
{
    private EvidenceFile Handover => run.Evidence.First(e => e.Event == "ContentHandover");

    [Fact]
    public async Task Verify_accepts_every_evidence_of_the_run()
    {
        var (exit, output) = await Cli.RunAsync(["verify", .. run.Evidence.Select(run.PathOf), "--trust", run.Provider.RootCertificatePath, "--tsa-trust", run.Provider.RootCertificatePath]);
        Assert.True(exit == 0, output);
        Assert.Equal(run.Evidence.Count, Regex.Matches(output, "^VALID: ", RegexOptions.Multiline).Count);
        Assert.Contains("ok   Timestamp", output);
    }

    [Fact]
    public async Task One_changed_byte_in_the_evidence_fails_naming_the_signature()
    {
        var path = Tampered(Handover, text => text.Replace("</erds:MessageIdentifier>", "0</erds:MessageIdentifier>"));
        var (exit, output) = await Cli.RunAsync("verify", path, "--trust", run.Provider.RootCertificatePath, "--tsa-trust", run.Provider.RootCertificatePath);
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
        var (exit, output) = await Cli.RunAsync("verify", path, "--trust", run.Provider.RootCertificatePath, "--tsa-trust", run.Provider.RootCertificatePath);
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
        var (okExit, okOutput) = await Cli.RunAsync("verify", run.PathOf(Handover), "--trust", run.Provider.RootCertificatePath, "--tsa-trust", run.Provider.RootCertificatePath, "--content", original);
        Assert.True(okExit == 0, okOutput);
        Assert.Contains("is part 'attachment-1'", okOutput);

        bytes[^1] ^= 0x01;
        var changed = Path.Combine(run.Directory, "dagvaarding-changed.pdf");
        await File.WriteAllBytesAsync(changed, bytes);
        var (exit, output) = await Cli.RunAsync("verify", run.PathOf(Handover), "--trust", run.Provider.RootCertificatePath, "--tsa-trust", run.Provider.RootCertificatePath, "--content", changed);
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
        var (exit, output) = await Cli.RunAsync("verify", run.PathOf(Handover), "--trust", otherRoot, "--tsa-trust", run.Provider.RootCertificatePath);
        Assert.Equal(2, exit);
        Assert.Contains("FAIL CertificateChain", output);
    }

    [Fact]
    public async Task Verify_without_a_timestamp_root_is_a_usage_error_not_the_seal_root_assumed()
    {
        var (exit, output) = await Cli.RunAsync("verify", run.PathOf(Handover), "--trust", run.Provider.RootCertificatePath);

        Assert.Equal(1, exit);
        Assert.Contains("--tsa-trust", output);
    }

    [Fact]
    public async Task Evidence_resealed_with_the_timestamp_authority_key_and_back_dated_is_invalid_naming_the_seal_checks()
    {
        // The issue's attack: someone with the TSA's key re-seals an evidence as the provider, half an hour earlier.
        var pki = Path.Combine(run.Provider.DataDirectory, "pki");
        var root = EvidenceAssert.Trust(run.Provider.RootCertificatePath).SealRoots[0];
        using var tsa = X509Certificate2.CreateFromPemFile(Path.Combine(pki, DevelopmentPkiFiles.TsaCertificate), Path.Combine(pki, DevelopmentPkiFiles.TsaKey));
        var original = EvidenceXmlReader.Read(SafeXml.Load(Handover.Xml));
        var backDated = original.EventTime.AddMinutes(-30);
        var clock = new FakeTimeProvider(backDated.AddSeconds(1));
        using var tsaAsSeal = new X509SealSigner(tsa);
        var forged = await new EvidenceIssuer(tsaAsSeal, new BuiltInTimestampAuthority(tsa, [root], clock), clock)
            .IssueAsync(original with { EventTime = backDated, SubmissionTime = backDated.AddSeconds(-1) });
        var path = Path.Combine(run.Directory, $"forged-{Guid.NewGuid():N}.xml");
        await File.WriteAllBytesAsync(path, forged.Xml);

        var (exit, output) = await Cli.RunAsync("verify", path, "--trust", run.Provider.RootCertificatePath, "--tsa-trust", run.Provider.RootCertificatePath);

        Assert.Equal(2, exit);
        Assert.StartsWith("INVALID", output);
        Assert.Contains("FAIL SealIdentity", output);
        Assert.Contains("FAIL SealCertificateUsage", output);
        Assert.Contains("ok   Signature", output);
        Assert.Contains("ok   Timestamp", output);
    }

    [Fact]
    public async Task The_expected_seal_passes_and_another_fails_naming_the_expected_seal()
    {
        var seal = Path.Combine(run.Provider.DataDirectory, "pki", DevelopmentPkiFiles.SealCertificate);
        var (okExit, okOutput) = await Cli.RunAsync("verify", run.PathOf(Handover), "--trust", run.Provider.RootCertificatePath,
            "--tsa-trust", run.Provider.RootCertificatePath, "--seal", seal);
        Assert.True(okExit == 0, okOutput);
        Assert.Contains("ok   ExpectedSeal", okOutput);

        var (exit, output) = await Cli.RunAsync("verify", run.PathOf(Handover), "--trust", run.Provider.RootCertificatePath,
            "--tsa-trust", run.Provider.RootCertificatePath, "--seal", run.Provider.RootCertificatePath);
        Assert.Equal(2, exit);
        Assert.Contains("FAIL ExpectedSeal", output);
    }

    [Fact]
    public async Task A_file_given_as_a_crl_that_is_none_is_a_usage_error_naming_it()
    {
        var (exit, output) = await Cli.RunAsync("verify", run.PathOf(Handover), "--trust", run.Provider.RootCertificatePath,
            "--tsa-trust", run.Provider.RootCertificatePath, "--crl", run.PathOf(Handover));

        Assert.Equal(1, exit);
        Assert.Contains($"--crl {run.PathOf(Handover)}", output);
        Assert.Contains("not a certificate revocation list", output);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_named_pipe_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Path.Combine(run.Directory, $"pipe-{Guid.NewGuid():N}.xml");
        var (mkfifo, _) = await ExternalTool.RunFileAsync("mkfifo", fifo);
        Assert.Equal(0, mkfifo);

        var (exit, output) = await RunWithin(TimeSpan.FromMinutes(1), "verify", fifo, run.PathOf(Handover),
            "--trust", run.Provider.RootCertificatePath, "--tsa-trust", run.Provider.RootCertificatePath);

        Assert.Equal(2, exit);
        Assert.Contains("named pipe (FIFO), not a regular file", output);
        Assert.Contains($"VALID: {Path.GetFileName(run.PathOf(Handover))}", output);
        Assert.Contains("1 of 2 evidence files VALID.", output);
    }

    [Fact]
    public async Task A_directory_and_a_device_are_refused_in_plain_words()
    {
        var (exit, output) = await RunWithin(TimeSpan.FromMinutes(1), "verify", run.Directory, "/dev/zero",
            "--trust", run.Provider.RootCertificatePath, "--tsa-trust", run.Provider.RootCertificatePath);

        Assert.Equal(2, exit);
        Assert.Contains("it is a directory, not a file", output);
        Assert.Contains("it is a character device, not a regular file", output);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_file_over_2_GiB_is_refused_by_its_size_before_reading_without_a_stack_trace()
    {
        // Sparse: the file claims 3 GiB and occupies no disk.
        var huge = Path.Combine(run.Directory, $"huge-{Guid.NewGuid():N}.xml");
        await using (var stream = File.Create(huge)) stream.SetLength(3L << 30);
        try
        {
            var (exit, output) = await RunWithin(TimeSpan.FromMinutes(1), "verify", huge, run.PathOf(Handover),
                "--trust", run.Provider.RootCertificatePath, "--tsa-trust", run.Provider.RootCertificatePath);

            Assert.Equal(2, exit);
            Assert.Contains("it is 3072.0 MiB (3221225472 bytes), more than the 1 MiB allowed; it was not read", output);
            Assert.Contains($"VALID: {Path.GetFileName(run.PathOf(Handover))}", output);
            AssertNoStackTrace(output);
        }
        finally
        {
            File.Delete(huge);
        }
    }

    [Fact]
    public async Task Deep_nesting_before_the_signature_is_invalid_and_the_other_files_still_get_their_verdict()
    {
        // 20,000 levels: beyond what the recursive canonicalizer survived on the main thread's 8 MiB stack.
        var nested = Tampered(Handover, text =>
        {
            var at = text.IndexOf("<ds:Signature", StringComparison.Ordinal);
            return text[..at] + string.Concat(Enumerable.Repeat("<a>", 20_000)) + string.Concat(Enumerable.Repeat("</a>", 20_000)) + text[at..];
        });

        var (exit, output) = await RunWithin(TimeSpan.FromMinutes(1), "verify", nested, run.PathOf(Handover),
            "--trust", run.Provider.RootCertificatePath, "--tsa-trust", run.Provider.RootCertificatePath);

        Assert.Equal(2, exit);
        Assert.Contains("FAIL WellFormed: The XML input nests elements more than 64 levels deep", output);
        Assert.Contains($"VALID: {Path.GetFileName(run.PathOf(Handover))}", output);
        AssertNoStackTrace(output);
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(", output);
    }

    // The CLI as a process, killed when it outlives the bound: a hang fails the test instead of the run.
    private static async Task<(int ExitCode, string Output)> RunWithin(TimeSpan bound, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Cli.Assembly, .. arguments]) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"erds {string.Join(' ', arguments)} did not finish within {bound}");
        }
        return (process.ExitCode, await stdout + await stderr);
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
