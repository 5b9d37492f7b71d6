using System.Security.Cryptography.X509Certificates;

namespace Erds.Evidence.Verification;

/// <summary>What verifying the XAdES signature of one document found.</summary>
/// <param name="Checks">
/// One result for each of <see cref="VerificationCheck.SignatureStructure"/>, <see cref="VerificationCheck.Signature"/>,
/// <see cref="VerificationCheck.SigningCertificate"/>, <see cref="VerificationCheck.SealCertificateUsage"/>, <see cref="VerificationCheck.CertificateChain"/>,
/// <see cref="VerificationCheck.Timestamp"/> and <see cref="VerificationCheck.TimeSanity"/>, in that order, then
/// <see cref="VerificationCheck.Revocation"/> results: one per certificate below the root of the seal's chain and of
/// the TSA's chain (one for a chain that is its root alone, one for the seal when its chain was not built), or a
/// single one when the signature timestamp did not verify.
/// </param>
/// <param name="SigningTime">The claimed signing time, when the structure could be read.</param>
/// <param name="TimestampTime">The signature timestamp's genTime, when the token verified.</param>
public sealed record XadesVerificationResult(IReadOnlyList<CheckResult> Checks, DateTimeOffset? SigningTime, DateTimeOffset? TimestampTime)
{
    /// <summary>The certificate that signed (the first of <c>ds:KeyInfo</c>), when the structure could be read.</summary>
    public X509Certificate2? SealCertificate { get; init; }

    /// <summary>True only when every check passed.</summary>
    public bool IsValid => Checks.Count > 0 && Checks.All(c => c.Passed);

    /// <summary>The checks that failed.</summary>
    public IEnumerable<CheckResult> Failures => Checks.Where(c => !c.Passed);
}
