using Erds.Evidence.Verification;
using Xunit;

namespace Erds.Evidence.Tests.TestSupport;

internal static class VerificationAssert
{
    /// <summary>Exactly these checks failed, no more and no fewer; returns the first one's detail.</summary>
    public static string FailedExactly(XadesVerificationResult result, params VerificationCheck[] expected)
    {
        var failed = result.Failures.Select(f => f.Check).ToArray();
        Assert.True(failed.SequenceEqual(expected),
            $"expected failures [{string.Join(", ", expected)}], got [{string.Join(", ", failed)}]: {string.Join(" | ", result.Failures.Select(f => $"{f.Check}: {f.Detail}"))}");
        return result.Failures.First().Detail;
    }

    /// <summary>Exactly these checks of a whole evidence failed, in this order; returns the first one's detail.</summary>
    public static string FailedExactly(VerificationReport report, params VerificationCheck[] expected)
    {
        var failed = report.Failures.Select(f => f.Check).ToArray();
        Assert.True(failed.SequenceEqual(expected),
            $"expected failures [{string.Join(", ", expected)}], got [{string.Join(", ", failed)}]: {string.Join(" | ", report.Failures.Select(f => $"{f.Check}: {f.Detail}"))}");
        return report.Failures.First().Detail;
    }

    /// <summary>The signature's structure was refused, so every later check failed too; returns the structure failure's detail.</summary>
    public static string StructureFailure(XadesVerificationResult result) => FailedExactly(result, StructureAndEverythingAfter);

    public static VerificationCheck[] StructureAndEverythingAfter =>
    [
        VerificationCheck.SignatureStructure, VerificationCheck.Signature, VerificationCheck.SigningCertificate, VerificationCheck.SealCertificateUsage,
        VerificationCheck.CertificateChain, VerificationCheck.Timestamp, VerificationCheck.TimeSanity, VerificationCheck.Revocation,
    ];
}
