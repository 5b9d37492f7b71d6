namespace Erds.Evidence;

/// <summary>A sealed evidence: the exact bytes to store, serve and export, never re-serialised.</summary>
/// <param name="EvidenceIdentifier">The evidence identifier inside the document.</param>
/// <param name="Xml">The signed XML, UTF-8.</param>
/// <param name="Sha256">SHA-256 of <paramref name="Xml"/>.</param>
public sealed record IssuedEvidence(string EvidenceIdentifier, byte[] Xml, byte[] Sha256);
