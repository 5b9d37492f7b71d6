namespace Erds.Evidence.Timestamping;

/// <summary>What verifying one RFC 3161 timestamp token found.</summary>
/// <param name="Failure">Null when the token verified; otherwise why not.</param>
/// <param name="Detail">What was verified, or what broke, in words.</param>
/// <param name="GenTime">The token's time, when the token could be read.</param>
/// <param name="SerialNumber">The token's serial number in hexadecimal, when it could be read.</param>
/// <param name="TsaSubject">The subject of the signing TSA certificate, when it was found.</param>
public sealed record TimestampVerificationResult(
    TimestampFailure? Failure, string Detail, DateTimeOffset? GenTime, string? SerialNumber, string? TsaSubject)
{
    /// <summary>True when the token verified completely.</summary>
    public bool IsValid => Failure is null;
}
