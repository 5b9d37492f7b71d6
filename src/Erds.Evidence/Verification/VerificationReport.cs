using Erds.Evidence.Model;

namespace Erds.Evidence.Verification;

/// <summary>What verifying one evidence found: every check run, and the evidence content when it could be read.</summary>
public sealed record VerificationReport
{
    /// <summary>Every check that ran, in order.</summary>
    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>The evidence as read from the verified bytes, when the document could be read at all.</summary>
    public EvidenceDocument? Evidence { get; init; }

    /// <summary>The signing time claimed in the signed properties.</summary>
    public DateTimeOffset? SigningTime { get; init; }

    /// <summary>The time in the signature timestamp token.</summary>
    public DateTimeOffset? TimestampTime { get; init; }

    /// <summary>The certificate that signed (the first of <c>ds:KeyInfo</c>), when the signature structure could be read.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? SealCertificate { get; init; }

    /// <summary>True only when at least one check ran and none failed.</summary>
    public bool IsValid => Checks.Count > 0 && Checks.All(c => c.Passed);

    /// <summary>The checks that failed.</summary>
    public IEnumerable<CheckResult> Failures => Checks.Where(c => !c.Passed);

    /// <summary>The checks that passed with a warning: what the verifier could not establish (see <see cref="CheckResult.IsWarning"/>).</summary>
    public IEnumerable<CheckResult> Warnings => Checks.Where(c => c.IsWarning);
}
