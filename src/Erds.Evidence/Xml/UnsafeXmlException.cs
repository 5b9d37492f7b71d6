namespace Erds.Evidence.Xml;

/// <summary>Thrown when untrusted bytes are refused as XML: too large, carrying a DTD, or not well-formed.</summary>
public sealed class UnsafeXmlException : Exception
{
    /// <summary>Creates the exception for <paramref name="reason"/>.</summary>
    public UnsafeXmlException(UnsafeXmlReason reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    /// <summary>Why the input was refused.</summary>
    public UnsafeXmlReason Reason { get; }
}
