using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Verification;

namespace Erds.Cli.Commands;

// Offline verification for auditors: nothing but the evidence files, the trusted roots and,
// optionally, the content files the evidence should bind.
internal static class VerifyCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("evidence") { Description = "Evidence XML files.", Arity = ArgumentArity.OneOrMore };
        var trust = new Option<FileInfo>("--trust") { Description = "PEM file with the root(s) the provider's seal must chain to.", Required = true };
        var tsaTrust = new Option<FileInfo?>("--tsa-trust") { Description = "PEM file with the timestamp authority's root(s) (default: --trust)." };
        var content = new Option<FileInfo[]>("--content") { Description = "A file that must be one of the parts the evidence binds (repeatable)." };
        var command = new Command("verify", "Verify evidence offline: schema, seal, certificate chain, timestamp, and optionally content.") { files, trust, tsaTrust, content };
        command.SetAction(parse =>
        {
            try
            {
                var anchors = new TrustAnchors(ReadRoots(parse.GetValue(trust)!), ReadRoots(parse.GetValue(tsaTrust) ?? parse.GetValue(trust)!));
                var candidates = (parse.GetValue(content) ?? []).Select(Candidate).ToList();
                var verifier = new EvidenceVerifier(anchors, TimeProvider.System);
                var failed = 0;
                foreach (var file in parse.GetValue(files)!)
                {
                    if (!Report(file, verifier.Verify(File.ReadAllBytes(file.FullName), candidates))) failed++;
                }
                return failed == 0 ? 0 : 2;
            }
            catch (CliError error)
            {
                Console.Error.WriteLine($"error: {error.Message}");
                return 1;
            }
        });
        return command;
    }

    private static bool Report(FileInfo file, VerificationReport report)
    {
        var evidence = report.Evidence;
        var what = evidence is null ? "" : $" {evidence.Event.Name} of message {evidence.MessageIdentifier} at {evidence.EventTime:O}";
        Console.WriteLine($"{(report.IsValid ? "VALID" : "INVALID")}: {file.Name}{what}");
        foreach (var check in report.Checks)
        {
            Console.WriteLine($"  {(check.Passed ? "ok  " : "FAIL")} {check.Check}: {check.Detail}");
        }
        return report.IsValid;
    }

    private static IReadOnlyList<X509Certificate2> ReadRoots(FileInfo file)
    {
        if (!file.Exists) throw new CliError($"No such trust anchor file: {file.FullName}");
        try
        {
            return TrustAnchors.ReadPem(file.FullName);
        }
        catch (Erds.Evidence.Pki.KeyMaterialException ex)
        {
            throw new CliError(ex.Message);
        }
    }

    private static ContentCandidate Candidate(FileInfo file)
    {
        if (!file.Exists) throw new CliError($"No such content file: {file.FullName}");
        using var stream = file.OpenRead();
        return ContentCandidate.FromStream(file.Name, stream);
    }
}
