using System.ComponentModel;
using System.Diagnostics;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

/// <summary>
/// Runs libxml2's validator over a document: a second, independent reading of the schema, so that a
/// shared misunderstanding between our writer and .NET's validator cannot pass unnoticed.
/// </summary>
internal static class Xmllint
{
    public static XmllintResult Validate(byte[] xml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"erds-evidence-{Guid.NewGuid():N}.xml");
        File.WriteAllBytes(file, xml);
        try
        {
            using var process = Start("--noout", "--nonet", "--schema", RepositoryFiles.EvidenceSchema, file);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new XmllintResult(process.ExitCode, output + errors.GetAwaiter().GetResult());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Process Start(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("xmllint")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);

        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException("xmllint did not start.");
        }
        catch (Win32Exception ex)
        {
            // Never skip: a missing validator must be as loud as an invalid document.
            Assert.Fail($"xmllint could not be run ({ex.Message}). Install libxml2-utils (apt-get install libxml2-utils).");
            throw;
        }
    }
}
