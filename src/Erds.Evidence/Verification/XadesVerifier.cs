using System.Security.Cryptography;
using System.Xml;

namespace Erds.Evidence.Verification;

/// <summary>
/// Verifies the XAdES baseline B-T seal of a document strictly as this provider issues it, trusting only the
/// given roots: no system certificate store, no downloads, no revocation lookups.
/// </summary>
/// <param name="trustAnchors">The roots for the seal and for timestamp authorities.</param>
/// <param name="time">The clock for the not-in-the-future checks.</param>
public sealed class XadesVerifier(TrustAnchors trustAnchors, TimeProvider time)
{
    private const string NotEvaluated = "not evaluated: the signature structure is invalid";

    /// <summary>How much later than the signing time the signature timestamp may be.</summary>
    public TimeSpan TimestampTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Clock difference tolerated between signer, TSA and verifier.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Runs every signature check on <paramref name="document"/>.</summary>
    /// <param name="document">The document, parsed with <see cref="XmlDocument.PreserveWhitespace"/> true, without DTD processing.</param>
    public XadesVerificationResult Verify(XmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        XadesStructure structure;
        try
        {
            structure = XadesStructureReader.Read(document);
        }
        catch (StructureException e)
        {
            return new XadesVerificationResult(
            [
                CheckResult.Fail(VerificationCheck.SignatureStructure, e.Message),
                .. new[] { VerificationCheck.Signature, VerificationCheck.SigningCertificate, VerificationCheck.CertificateChain, VerificationCheck.Timestamp, VerificationCheck.TimeSanity }
                    .Select(c => CheckResult.Fail(c, NotEvaluated)),
            ], null, null);
        }

        var (timestamp, genTime) = TrustChecks.Timestamp(structure, trustAnchors);
        CheckResult[] checks =
        [
            CheckResult.Pass(VerificationCheck.SignatureStructure, "one enveloped XAdES B-T signature, last in the document element, with the accepted algorithms only"),
            Guarded(VerificationCheck.Signature, () => SignatureChecks.Signature(document, structure)),
            SignatureChecks.SigningCertificate(structure),
            TrustChecks.CertificateChain(structure, trustAnchors),
            timestamp,
            genTime is { } at
                ? TrustChecks.TimeSanity(structure.SigningTime, at, time.GetUtcNow(), TimestampTolerance, ClockSkew)
                : CheckResult.Fail(VerificationCheck.TimeSanity, "not evaluated: the signature timestamp did not verify"),
        ];
        return new XadesVerificationResult(checks, structure.SigningTime, genTime);
    }

    private static CheckResult Guarded(VerificationCheck check, Func<CheckResult> run)
    {
        try
        {
            return run();
        }
        catch (CryptographicException e)
        {
            return CheckResult.Fail(check, $"cryptographic failure: {e.Message}");
        }
    }
}
