namespace Erds.Evidence.Timestamping;

/// <summary>A timestamp could not be obtained, or the one obtained does not answer the request or does not verify.</summary>
public sealed class TimestampException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">What went wrong, for callers that branch on it.</param>
    /// <param name="message">What went wrong, in words.</param>
    /// <param name="innerException">The failure that revealed the problem, if any.</param>
    public TimestampException(TimestampFailure reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    /// <summary>What went wrong.</summary>
    public TimestampFailure Reason { get; }
}
