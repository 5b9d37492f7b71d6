using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Model;
using Erds.Evidence.Xml;

namespace Erds.Evidence.Verification;

/// <summary>
/// Verifies one evidence completely and offline: hardened parsing within <see cref="Limits"/>, the ETSI schema,
/// the XAdES signature with its certificate chain and timestamp, that the seal is the issuer's the evidence
/// names, revocation as far as the given data shows, the time line, and optionally the content an auditor
/// holds against the digests the evidence binds. The evidence content is read only from the document whose
/// signature was checked. Whatever the input, it returns a report; it does not throw for bad input.
/// </summary>
/// <param name="trustAnchors">The roots for the seal and, separately, for timestamp authorities.</param>
/// <param name="time">The clock for the not-in-the-future checks.</param>
public sealed class EvidenceVerifier(TrustAnchors trustAnchors, TimeProvider time)
{
    /// <summary>How far the event may lie after the signature timestamp (clocks of two services).</summary>
    public TimeSpan EventTimeTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How much XML is read before the input is refused; the same limits serve evidence from peer providers.</summary>
    public XmlLimits Limits { get; init; } = XmlLimits.Default;

    /// <summary>
    /// The seal certificates the caller expects (an auditor's pin of the provider's seals). When empty, any
    /// certificate fit to seal under the seal roots passes; when set, the evidence must be sealed with one of these.
    /// </summary>
    public IReadOnlyList<X509Certificate2> ExpectedSeals { get; init; } = [];

    /// <summary>CRLs and OCSP responses the caller has; nothing is fetched.</summary>
    public RevocationData Revocation { get; init; } = RevocationData.None;

    /// <summary>
    /// When true, a certificate that names a revocation source without the given data covering the timestamp's
    /// time fails <see cref="VerificationCheck.Revocation"/>; when false (the default) it is a warning.
    /// </summary>
    public bool RequireRevocationData { get; init; }

    /// <summary>Reads <paramref name="xml"/> to its end, but never more than <see cref="XmlLimits.MaxBytes"/> and one byte, and verifies it.</summary>
    /// <exception cref="IOException">The stream failed; a stream that is merely too long gives a report.</exception>
    public VerificationReport Verify(Stream xml, IReadOnlyList<ContentCandidate>? content = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        byte[] bytes;
        try
        {
            bytes = SafeXml.ReadBounded(xml, Limits.MaxBytes);
        }
        catch (UnsafeXmlException ex)
        {
            return new VerificationReport { Checks = [CheckResult.Fail(VerificationCheck.WellFormed, ex.Message)] };
        }
        return Verify(bytes, content);
    }

    /// <summary>Verifies <paramref name="xml"/>, and each candidate against the evidence's parts.</summary>
    public VerificationReport Verify(byte[] xml, IReadOnlyList<ContentCandidate>? content = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var checks = new List<CheckResult>();
        System.Xml.XmlDocument document;
        try
        {
            document = SafeXml.Load(xml, Limits);
            checks.Add(CheckResult.Pass(VerificationCheck.WellFormed, $"Well-formed XML, {xml.Length} bytes, no DTD, within the size, depth and count limits."));
        }
        catch (UnsafeXmlException ex)
        {
            checks.Add(CheckResult.Fail(VerificationCheck.WellFormed, ex.Message));
            return new VerificationReport { Checks = checks };
        }

        checks.Add(Schema(xml));

        var signature = new XadesVerifier(trustAnchors, time) { Revocation = Revocation, RequireRevocationData = RequireRevocationData }.Verify(document);

        EvidenceDocument? evidence = null;
        string? unreadable = null;
        try
        {
            evidence = EvidenceXmlReader.Read(document);
        }
        catch (EvidenceFormatException ex)
        {
            unreadable = ex.Message;
        }

        // The seal's identity right after the signature's own binding to its certificate, so the report reads in order.
        var signatureChecks = signature.Checks.ToList();
        var at = signatureChecks.FindIndex(c => c.Check == VerificationCheck.SigningCertificate) + 1;
        var identity = new List<CheckResult> { SealChecks.Identity(signature.SealCertificate, evidence) };
        if (ExpectedSeals.Count > 0)
            identity.Add(SealChecks.Expected(signature.SealCertificate, ExpectedSeals));
        signatureChecks.InsertRange(at, identity);
        checks.AddRange(signatureChecks);

        if (unreadable is not null)
            checks.Add(CheckResult.Fail(VerificationCheck.Schema, "The evidence cannot be read: " + unreadable));
        if (evidence is not null && signature.TimestampTime is { } timestamped)
        {
            checks.Add(evidence.EventTime <= timestamped + EventTimeTolerance
                ? CheckResult.Pass(VerificationCheck.TimeSanity, $"Event time {evidence.EventTime:O} is not after the timestamp {timestamped:O} (tolerance {EventTimeTolerance}).")
                : CheckResult.Fail(VerificationCheck.TimeSanity, $"Event time {evidence.EventTime:O} lies after the timestamp {timestamped:O}: the evidence claims an event later than its own seal."));
        }
        if (content is { Count: > 0 })
        {
            checks.AddRange(ContentChecks(evidence, content));
        }
        return new VerificationReport
        {
            Checks = checks, Evidence = evidence, SigningTime = signature.SigningTime, TimestampTime = signature.TimestampTime,
            SealCertificate = signature.SealCertificate,
        };
    }

    // The bytes as received, not the tree serialised again: what is checked is what the auditor holds, the
    // errors carry its own line numbers, and no second copy of the document is made. SafeXml has accepted
    // these very bytes within the limits, so the validating parse reads nothing the limits did not allow.
    private static CheckResult Schema(byte[] xml)
    {
        IReadOnlyList<EvidenceSchemaError> errors;
        try
        {
            errors = EvidenceSchemaValidator.Validate(xml);
        }
        catch (UnsafeXmlException ex)
        {
            return CheckResult.Fail(VerificationCheck.Schema, "The document cannot be validated: " + ex.Message);
        }
        return errors.Count == 0
            ? CheckResult.Pass(VerificationCheck.Schema, "Valid against the ETSI EN 319 522-3 schema.")
            : CheckResult.Fail(VerificationCheck.Schema, "Not valid against the ETSI EN 319 522-3 schema: " + string.Join("; ", errors.Take(5)));
    }

    private static IEnumerable<CheckResult> ContentChecks(EvidenceDocument? evidence, IReadOnlyList<ContentCandidate> content)
    {
        var parts = evidence?.ContentParts ?? [];
        foreach (var candidate in content)
        {
            var match = parts.FirstOrDefault(p => p.Sha256.AsSpan().SequenceEqual(candidate.Sha256));
            yield return match is not null
                ? CheckResult.Pass(VerificationCheck.ContentDigest, $"{candidate.Name} is part '{match.Identifier}' ({match.ContentType}).")
                : CheckResult.Fail(VerificationCheck.ContentDigest,
                    $"{candidate.Name} (SHA-256 {Convert.ToHexStringLower(candidate.Sha256)}) matches no part of this evidence" +
                    (parts.Count == 0 ? ", which binds no content." : $"; its parts are {string.Join(", ", parts.Select(p => $"{p.Identifier} {Convert.ToHexStringLower(p.Sha256)}"))}."));
        }
    }
}
