using Erds.Evidence.Verification;

namespace Erds.Cli.Commands;

// One verdict per file: "VALID" or "INVALID" with the file name and what the evidence says, then every
// check on its own line (ok, WARN, FAIL). Everything printed that came from the file goes through
// TerminalText.Printable: an evidence is untrusted until verified, and its text reaches a terminal.
internal static class VerifyReportPrinter
{
    public static bool Print(FileInfo file, VerificationReport report)
    {
        var evidence = report.Evidence;
        var what = evidence is null ? "" : $" {evidence.Event.Name} of message {evidence.MessageIdentifier} at {evidence.EventTime:O}";
        var warnings = report.Warnings.Count();
        var note = report.IsValid && warnings > 0 ? $" ({warnings} warning{(warnings == 1 ? "" : "s")})" : "";
        Console.WriteLine(TerminalText.Printable($"{(report.IsValid ? "VALID" : "INVALID")}: {file.Name}{what}{note}"));
        foreach (var check in report.Checks)
        {
            var mark = !check.Passed ? "FAIL" : check.IsWarning ? "WARN" : "ok  ";
            Console.WriteLine(TerminalText.Printable($"  {mark} {check.Check}: {check.Detail}"));
        }
        return report.IsValid;
    }

    public static void NotRead(FileInfo file, string problem)
    {
        Console.WriteLine(TerminalText.Printable($"INVALID: {file.Name}"));
        Console.WriteLine(TerminalText.Printable($"  FAIL File: {file.FullName} was not verified: {problem}"));
    }
}
