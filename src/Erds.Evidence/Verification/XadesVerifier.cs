using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace Erds.Evidence.Verification;

/// <summary>
/// Verifies the XAdES baseline B-T seal of a document strictly as this provider issues it, trusting only the
/// given roots: no system certificate store, no downloads; revocation only from the data the caller gives.
/// </summary>
/// <param name="trustAnchors">The roots for the seal and, separately, for timestamp authorities.</param>
/// <param name="time">The clock for the not-in-the-future checks.</param>
public sealed class XadesVerifier(TrustAnchors trustAnchors, TimeProvider time)
{
    private const string NotEvaluated = "not evaluated: the signature structure is invalid";

    /// <summary>How much later than the signing time the signature timestamp may be.</summary>
    public TimeSpan TimestampTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Clock difference tolerated between signer, TSA and verifier.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>CRLs and OCSP responses to judge the revocation of the seal's and the TSA's certificates with; nothing is fetched.</summary>
    public RevocationData Revocation { get; init; } = RevocationData.None;

    /// <summary>
    /// When true, a certificate that names a revocation source without the given data covering the timestamp's
    /// time fails <see cref="VerificationCheck.Revocation"/>; when false (the default) it passes with a warning.
    /// </summary>
    public bool RequireRevocationData { get; init; }

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
                .. new[]
                    {
                        VerificationCheck.Signature, VerificationCheck.SigningCertificate, VerificationCheck.SealCertificateUsage,
                        VerificationCheck.CertificateChain, VerificationCheck.Timestamp, VerificationCheck.TimeSanity, VerificationCheck.Revocation,
                    }
                    .Select(c => CheckResult.Fail(c, NotEvaluated)),
            ], null, null);
        }

        var (chain, sealChain) = TrustChecks.CertificateChain(structure, trustAnchors);
        var (timestamp, genTime, tsaChain) = TrustChecks.Timestamp(structure, trustAnchors);
        CheckResult[] checks =
        [
            CheckResult.Pass(VerificationCheck.SignatureStructure, "one enveloped XAdES B-T signature, last in the document element, with the accepted algorithms only"),
            Guarded(VerificationCheck.Signature, () => SignatureChecks.Signature(document, structure)),
            SignatureChecks.SigningCertificate(structure),
            TrustChecks.SealUsage(structure),
            chain,
            timestamp,
            genTime is { } at
                ? TrustChecks.TimeSanity(structure.SigningTime, at, time.GetUtcNow(), TimestampTolerance, ClockSkew)
                : CheckResult.Fail(VerificationCheck.TimeSanity, "not evaluated: the signature timestamp did not verify"),
            .. Revocations(genTime, sealChain, tsaChain),
        ];
        return new XadesVerificationResult(checks, structure.SigningTime, genTime) { SealCertificate = structure.Certificate };
    }

    private IEnumerable<CheckResult> Revocations(DateTimeOffset? genTime, IReadOnlyList<X509Certificate2>? sealChain, IReadOnlyList<X509Certificate2>? tsaChain)
    {
        // Revocation is judged at the time the timestamp proves: without it there is no trusted time to judge at.
        if (genTime is not { } at)
            return [CheckResult.Fail(VerificationCheck.Revocation, "not evaluated: the signature timestamp did not verify, so there is no trusted time to judge revocation at")];
        var now = time.GetUtcNow();
        var seal = sealChain is null
            ? [CheckResult.Fail(VerificationCheck.Revocation, "not evaluated for the seal: its certificate does not chain to a seal trust anchor")]
            : RevocationChecks.Chain("seal certificate", sealChain, at, now, ClockSkew, Revocation, RequireRevocationData);
        return seal.Concat(RevocationChecks.Chain("TSA certificate", tsaChain ?? [], at, now, ClockSkew, Revocation, RequireRevocationData)).ToList();
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
