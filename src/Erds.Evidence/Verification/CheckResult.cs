namespace Erds.Evidence.Verification;

/// <summary>The outcome of one verification check, with a sentence saying what was found.</summary>
/// <param name="Check">Which check.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Detail">What was checked or what broke, in words an auditor can act on.</param>
public sealed record CheckResult(VerificationCheck Check, bool Passed, string Detail)
{
    /// <summary>
    /// A passed check that could not establish everything it looks for (revocation data that was not given):
    /// the evidence is not invalid for it, but the report says what remains unproven.
    /// </summary>
    public bool IsWarning { get; init; }

    /// <summary>A passed check.</summary>
    public static CheckResult Pass(VerificationCheck check, string detail) => new(check, true, detail);

    /// <summary>A failed check.</summary>
    public static CheckResult Fail(VerificationCheck check, string detail) => new(check, false, detail);

    /// <summary>A check that did not fail but could not establish everything; see <see cref="IsWarning"/>.</summary>
    public static CheckResult Warn(VerificationCheck check, string detail) => new(check, true, detail) { IsWarning = true };
}
