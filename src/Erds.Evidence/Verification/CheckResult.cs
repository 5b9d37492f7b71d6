namespace Erds.Evidence.Verification;

/// <summary>The outcome of one verification check, with a sentence saying what was found.</summary>
/// <param name="Check">Which check.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Detail">What was checked or what broke, in words an auditor can act on.</param>
public sealed record CheckResult(VerificationCheck Check, bool Passed, string Detail)
{
    /// <summary>A passed check.</summary>
    public static CheckResult Pass(VerificationCheck check, string detail) => new(check, true, detail);

    /// <summary>A failed check.</summary>
    public static CheckResult Fail(VerificationCheck check, string detail) => new(check, false, detail);
}
