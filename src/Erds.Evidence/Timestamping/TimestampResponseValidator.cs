using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Tsp;

namespace Erds.Evidence.Timestamping;

/// <summary>The checks every timestamp client applies to a reply before handing its token on.</summary>
internal static class TimestampResponseValidator
{
    /// <returns>The DER token.</returns>
    /// <exception cref="TimestampException">The reply is malformed, refused, answers another request or does not verify.</exception>
    public static byte[] Validate(TimeStampRequest request, byte[] responseDer, IReadOnlyList<X509Certificate2> trustRoots)
    {
        TimeStampResponse response;
        try
        {
            response = new TimeStampResponse(responseDer);
        }
        catch (Exception e) when (BouncyCastleErrors.IsParseError(e))
        {
            throw new TimestampException(TimestampFailure.MalformedResponse, $"Timestamp reply cannot be parsed: {e.Message}", e);
        }
        // 0 granted, 1 grantedWithMods; every other status carries no usable token.
        if (response.Status is not (0 or 1) || response.TimeStampToken is null)
            throw new TimestampException(TimestampFailure.NotGranted,
                $"Timestamp authority refused: status {response.Status}, failInfo {response.GetFailInfo()?.IntValue ?? 0}, '{response.GetStatusString()}'");

        var token = response.TimeStampToken;
        if (token.TimeStampInfo.Nonce is not { } nonce || !nonce.Equals(request.Nonce))
            throw new TimestampException(TimestampFailure.NonceMismatch,
                $"Timestamp reply carries nonce {token.TimeStampInfo.Nonce?.ToString(16) ?? "(none)"}, the request sent {request.Nonce.ToString(16)}");

        var tokenDer = token.GetEncoded();
        var verdict = TimestampTokenVerifier.Verify(tokenDer, request.GetMessageImprintDigest(), trustRoots);
        return verdict.Failure is { } failure ? throw new TimestampException(failure, verdict.Detail) : tokenDer;
    }
}
