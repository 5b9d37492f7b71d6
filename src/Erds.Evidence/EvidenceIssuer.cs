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
    /// <exception cref="EvidenceSchemaException">The content does not make a schema-valid evidence.</exception>
    public async Task<IssuedEvidence> IssueAsync(EvidenceDocument evidence, CancellationToken cancellationToken = default)
    {
        var document = EvidenceXmlWriter.Write(evidence);
        EvidenceSchemaValidator.EnsureValid(document);
        await _signer.SignAsync(document, time.GetUtcNow(), cancellationToken);
        var bytes = EvidenceXml.ToBytes(document);
        // Checked on the very bytes that leave this method, as any verifier will read them (not on a
        // document loaded from them and written out again).
        EvidenceSchemaValidator.EnsureValid(bytes);
        return new IssuedEvidence(evidence.EvidenceIdentifier, bytes, SHA256.HashData(bytes));
    }
}
