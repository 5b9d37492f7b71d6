using System.Security.Cryptography;
using Erds.Evidence.Model;
using Erds.Evidence.Signing;
using Erds.Evidence.Timestamping;
using Erds.Evidence.Xml;

namespace Erds.Evidence;

/// <summary>
/// Turns evidence content into sealed, timestamped XML: write, validate against the ETSI schema,
/// sign XAdES B-T, validate again. An evidence that does not validate is never returned.
/// </summary>
public sealed class EvidenceIssuer(ISealSigner seal, ITimestampClient timestamps, TimeProvider time)
{
    private readonly XadesSigner _signer = new(seal, timestamps);

    /// <summary>The DER encoding of the seal certificate, as written into <c>EvidenceIssuerDetails</c>.</summary>
    public byte[] SealCertificate => seal.Certificate.RawData;

    /// <summary>Issues one evidence.</summary>
    /// <exception cref="UnsealableEvidenceException">
    /// The content does not make a valid evidence (a rule of EN 319 522, the schema, or text XML cannot
    /// carry); nothing was signed. Other exceptions (the timestamp authority, the seal key) are worth a retry.
    /// </exception>
    public async Task<IssuedEvidence> IssueAsync(EvidenceDocument evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (EvidenceGuards.FirstViolation(evidence) is { } violation)
        {
            throw new UnsealableEvidenceException($"The evidence cannot be sealed: {violation}");
        }
        var document = Unsealable(() =>
        {
            var written = EvidenceXmlWriter.Write(evidence);
            EvidenceSchemaValidator.EnsureValid(written);
            return written;
        });
        await _signer.SignAsync(document, time.GetUtcNow(), cancellationToken);
        var bytes = EvidenceXml.ToBytes(document);
        // Checked on the very bytes that leave this method, as any verifier will read them (not on a
        // document loaded from them and written out again).
        Unsealable(() => EvidenceSchemaValidator.EnsureValid(bytes));
        return new IssuedEvidence(evidence.EvidenceIdentifier, bytes, SHA256.HashData(bytes));
    }

    // The content's own faults are told apart from failures of the signer and the timestamp authority.
    private static T Unsealable<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ex is ArgumentException or EvidenceSchemaException or UnsafeXmlException)
        {
            throw new UnsealableEvidenceException($"The evidence cannot be sealed: {ex.Message}", ex);
        }
    }

    private static void Unsealable(Action step) => Unsealable(() => { step(); return true; });
}
