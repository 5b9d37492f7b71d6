namespace Erds.Evidence;

/// <summary>
/// Thrown when evidence content can never make a valid evidence: it breaks a rule of EN 319 522 or of
/// the schema, or holds text XML cannot carry. Raised before anything is signed or timestamped, and
/// the same every time for the same content, so trying again cannot help: the caller sets the event
/// aside for an operator instead of retrying it.
/// </summary>
public sealed class UnsealableEvidenceException : Exception
{
    /// <summary>Creates the exception with the rule the content breaks.</summary>
    public UnsealableEvidenceException(string message) : base(message) { }

    /// <summary>Creates the exception with the rule the content breaks and the failure that showed it.</summary>
    public UnsealableEvidenceException(string message, Exception innerException) : base(message, innerException) { }
}
