using Erds.Evidence.Model;
using Erds.Evidence.Xml;

namespace Erds.Evidence.Verification;

/// <summary>
/// Verifies one evidence completely and offline: well-formed and hardened parsing, the ETSI schema,
/// the XAdES signature with its certificate chain and timestamp, the time line, and optionally the
/// content an auditor holds against the digests the evidence binds. The evidence content is read
/// only from the document whose signature was checked.
/// </summary>
public sealed class EvidenceVerifier(TrustAnchors trustAnchors, TimeProvider time)
{
    /// <summary>How far the event may lie after the signature timestamp (clocks of two services).</summary>
    public TimeSpan EventTimeTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Verifies <paramref name="xml"/>, and each candidate against the evidence's parts.</summary>
    public VerificationReport Verify(byte[] xml, IReadOnlyList<ContentCandidate>? content = null)
    {
        var checks = new List<CheckResult>();
        System.Xml.XmlDocument document;
        try
        {
            document = SafeXml.Load(xml);
            checks.Add(CheckResult.Pass(VerificationCheck.WellFormed, $"Well-formed XML, {xml.Length} bytes, no DTD."));
        }
        catch (UnsafeXmlException ex)
        {
            checks.Add(CheckResult.Fail(VerificationCheck.WellFormed, ex.Message));
            return new VerificationReport { Checks = checks };
        }

        var schemaErrors = EvidenceSchemaValidator.Validate(document);
        checks.Add(schemaErrors.Count == 0
            ? CheckResult.Pass(VerificationCheck.Schema, "Valid against the ETSI EN 319 522-3 schema.")
            : CheckResult.Fail(VerificationCheck.Schema, "Not valid against the ETSI EN 319 522-3 schema: " + string.Join("; ", schemaErrors.Take(5))));

        var signature = new XadesVerifier(trustAnchors, time).Verify(document);
        checks.AddRange(signature.Checks);

        EvidenceDocument? evidence = null;
        try
        {
            evidence = EvidenceXmlReader.Read(document);
        }
        catch (EvidenceFormatException ex)
        {
            checks.Add(CheckResult.Fail(VerificationCheck.Schema, "The evidence cannot be read: " + ex.Message));
        }

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
        return new VerificationReport { Checks = checks, Evidence = evidence, SigningTime = signature.SigningTime, TimestampTime = signature.TimestampTime };
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
