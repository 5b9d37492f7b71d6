namespace Erds.Evidence.Xml;

/// <summary>
/// Thrown when well-formed XML is not an evidence document this library can read: wrong root, unknown
/// event, missing or unexpected elements, or values the model cannot hold.
/// </summary>
public sealed class EvidenceFormatException : Exception
{
    /// <summary>Creates the exception with a message that names the offending element or value.</summary>
    public EvidenceFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
