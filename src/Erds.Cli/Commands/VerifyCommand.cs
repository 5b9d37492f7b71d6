using System.CommandLine;
using Erds.Evidence.Verification;
using Erds.Evidence.Xml;

namespace Erds.Cli.Commands;

// Offline verification for auditors: nothing but the evidence files, the trusted roots (for the seal and,
// separately, for timestamp authorities), optionally the expected seal certificates, revocation data, and
// the content files the evidence should bind. Every file gets its verdict, whatever happens to the others.
internal static class VerifyCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("evidence") { Description = "Evidence XML files.", Arity = ArgumentArity.OneOrMore };
        var trust = new Option<FileInfo>("--trust") { Description = "PEM file with the root(s) the provider's seal must chain to.", Required = true };
        var tsaTrust = new Option<FileInfo>("--tsa-trust")
        {
            Description = "PEM file with the root(s) the timestamp authority must chain to. Required, never assumed: give the same file as --trust when one root serves both (the development PKI).",
            Required = true,
        };
        var seals = new Option<FileInfo[]>("--seal") { Description = "PEM or DER file with the provider's seal certificate(s) the evidence must be sealed with (repeatable)." };
        var crls = new Option<FileInfo[]>("--crl") { Description = "A CRL (DER or PEM) to judge revocation with (repeatable)." };
        var ocsp = new Option<FileInfo[]>("--ocsp") { Description = "A DER OCSP response to judge revocation with (repeatable)." };
        var requireRevocation = new Option<bool>("--require-revocation")
        {
            Description = "A certificate that names a CRL or OCSP source without --crl/--ocsp data covering the timestamp makes the evidence INVALID (default: a warning).",
        };
        var content = new Option<FileInfo[]>("--content") { Description = "A file that must be one of the parts the evidence binds (repeatable)." };
        var command = new Command("verify", "Verify evidence offline: schema, seal and whose it is, certificate chain, timestamp, revocation, and optionally content.")
        {
            files, trust, tsaTrust, seals, crls, ocsp, requireRevocation, content,
        };
        command.SetAction(parse =>
        {
            EvidenceVerifier verifier;
            List<ContentCandidate> candidates;
            try
            {
                verifier = new EvidenceVerifier(
                    new TrustAnchors(VerifyInputs.Certificates(parse.GetValue(trust)!, "--trust"), VerifyInputs.Certificates(parse.GetValue(tsaTrust)!, "--tsa-trust")),
                    TimeProvider.System)
                {
                    ExpectedSeals = (parse.GetValue(seals) ?? []).SelectMany(f => VerifyInputs.Certificates(f, "--seal")).ToList(),
                    Revocation = VerifyInputs.Revocation(parse.GetValue(crls) ?? [], parse.GetValue(ocsp) ?? []),
                    RequireRevocationData = parse.GetValue(requireRevocation),
                };
                candidates = (parse.GetValue(content) ?? []).Select(VerifyInputs.Candidate).ToList();
            }
            catch (CliError error)
            {
                Console.Error.WriteLine($"error: {error.Message}");
                return 1;
            }

            var evidence = parse.GetValue(files)!;
            var valid = evidence.Count(file => VerifyOne(file, verifier, candidates));
            if (evidence.Length > 1) Console.WriteLine($"{valid} of {evidence.Length} evidence files VALID.");
            return valid == evidence.Length ? 0 : 2;
        });
        return command;
    }

    private static bool VerifyOne(FileInfo file, EvidenceVerifier verifier, IReadOnlyList<ContentCandidate> candidates)
    {
        var bytes = RegularFile.Read(file.FullName, verifier.Limits.MaxBytes, out var problem);
        if (problem is not null)
        {
            VerifyReportPrinter.NotRead(file, problem);
            return false;
        }
        VerificationReport report;
        try
        {
            report = verifier.Verify(bytes, candidates);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The verifier answers every input with a report; reaching this is a defect in it. The auditor
            // still gets a verdict for this file and for the others, and no stack trace.
            VerifyReportPrinter.NotRead(file, $"the verifier failed on it ({e.GetType().Name}: {e.Message}); this is a defect of erds, please report it");
            return false;
        }
        return VerifyReportPrinter.Print(file, report);
    }
}
