using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Verification;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.Tsp;

namespace Erds.Evidence.Timestamping;

/// <summary>
/// Verifies an RFC 3161 timestamp token: SHA-256 imprint, signature and ESS signing-certificate attribute,
/// timeStamping key usage, and a chain to configured roots at the token's time. Both timestamp clients
/// and the XAdES verifier use it, so a token is judged the same way wherever it is checked.
/// </summary>
public static class TimestampTokenVerifier
{
    /// <summary>Verifies <paramref name="token"/> against the imprint it should cover and the roots the TSA must chain to.</summary>
    /// <param name="token">The DER-encoded token (CMS ContentInfo of SignedData over TSTInfo).</param>
    /// <param name="expectedSha256Imprint">The SHA-256 digest the token must cover.</param>
    /// <param name="trustRoots">The roots the TSA certificate must chain to.</param>
    public static TimestampVerificationResult Verify(byte[] token, byte[] expectedSha256Imprint, IReadOnlyList<X509Certificate2> trustRoots) =>
        Verify(token, expectedSha256Imprint, trustRoots, out _);

    /// <param name="token">The DER-encoded token.</param>
    /// <param name="expectedSha256Imprint">The SHA-256 digest the token must cover.</param>
    /// <param name="trustRoots">The roots the TSA certificate must chain to.</param>
    /// <param name="tsaChain">The TSA certificate's chain to its root when the token verified; otherwise empty.</param>
    internal static TimestampVerificationResult Verify(byte[] token, byte[] expectedSha256Imprint, IReadOnlyList<X509Certificate2> trustRoots,
        out IReadOnlyList<X509Certificate2> tsaChain)
    {
        tsaChain = [];
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(expectedSha256Imprint);
        ArgumentNullException.ThrowIfNull(trustRoots);
        TimeStampToken parsed;
        try
        {
            parsed = new TimeStampToken(new CmsSignedData(token));
        }
        catch (Exception e) when (BouncyCastleErrors.IsParseError(e))
        {
            return Fail(TimestampFailure.MalformedToken, $"timestamp token cannot be parsed: {e.Message}");
        }
        try
        {
            return Verify(parsed, expectedSha256Imprint, trustRoots, out tsaChain);
        }
        catch (CryptographicException e)
        {
            // A certificate inside the token that BouncyCastle read but .NET cannot.
            return Fail(TimestampFailure.MalformedToken, $"a certificate in the timestamp token cannot be decoded: {e.Message}");
        }
        catch (Exception e) when (BouncyCastleErrors.IsParseError(e) || e is GeneralSecurityException)
        {
            // BouncyCastle decodes the token's certificates only when asked for them (found by fuzzing:
            // a damaged keyUsage extension surfaced as CertificateParsingException from GetCertificates).
            return Fail(TimestampFailure.MalformedToken, $"a certificate in the timestamp token cannot be decoded: {e.Message}");
        }
    }

    private static TimestampVerificationResult Verify(TimeStampToken token, byte[] expectedImprint, IReadOnlyList<X509Certificate2> roots,
        out IReadOnlyList<X509Certificate2> chain)
    {
        chain = [];
        var info = token.TimeStampInfo;
        var genTime = new DateTimeOffset(DateTime.SpecifyKind(info.GenTime, DateTimeKind.Utc));
        var serial = info.SerialNumber.ToString(16);
        TimestampVerificationResult Result(TimestampFailure? failure, string detail, string? subject = null) =>
            new(failure, detail, genTime, serial, subject);

        if (info.MessageImprintAlgOid != HashAlgorithmOids.Sha256)
            return Result(TimestampFailure.ImprintMismatch, $"timestamp imprint uses hash {info.MessageImprintAlgOid}, not SHA-256");
        if (!CryptographicOperations.FixedTimeEquals(info.GetMessageImprintDigest(), expectedImprint))
            return Result(TimestampFailure.ImprintMismatch,
                $"timestamp covers imprint {Convert.ToHexString(info.GetMessageImprintDigest())}, expected {Convert.ToHexString(expectedImprint)}");

        var bcSigner = token.GetCertificates().EnumerateMatches(token.SignerID).FirstOrDefault();
        if (bcSigner is null)
            return Result(TimestampFailure.MissingSignerCertificate, "timestamp token does not carry its signer certificate (request it with certReq=true)");
        var signer = X509CertificateLoader.LoadCertificate(bcSigner.GetEncoded());
        var subject = signer.Subject;

        if (TsaCertificateRules.TimestampingUsageProblem(signer) is { } usageProblem)
            return Result(TimestampFailure.NotATimestampingCertificate, usageProblem, subject);
        try
        {
            token.Validate(bcSigner);
        }
        catch (Exception e) when (e is CertificateExpiredException or CertificateNotYetValidException)
        {
            return Result(TimestampFailure.UntrustedChain, $"TSA certificate '{subject}' was not valid at genTime {genTime:u}: {e.Message}", subject);
        }
        catch (Exception e) when (e is TspException or CmsException || BouncyCastleErrors.IsParseError(e))
        {
            return Result(TimestampFailure.BadSignature, $"timestamp signature by '{subject}' does not verify: {e.Message}", subject);
        }

        var others = token.GetCertificates().EnumerateMatches(null).Select(c => X509CertificateLoader.LoadCertificate(c.GetEncoded()));
        if (CustomRootChain.Problem(signer, others, roots, genTime, out chain) is { } chainProblem)
            return Result(TimestampFailure.UntrustedChain, $"TSA certificate: {chainProblem}", subject);
        return Result(null, $"timestamp {serial} at {genTime:u} by '{subject}' verifies", subject);
    }

    private static TimestampVerificationResult Fail(TimestampFailure failure, string detail) => new(failure, detail, null, null, null);
}
