namespace Erds.Evidence.Verification;

/// <summary>The independent checks that together make an evidence valid.</summary>
public enum VerificationCheck
{
    /// <summary>The bytes are well-formed XML within the size, depth and count limits, with no DTD.</summary>
    WellFormed,
    /// <summary>The document validates against the ETSI EN 319 522-3 schema.</summary>
    Schema,
    /// <summary>The structure of the XAdES signature is the one this provider issues (no wrapping).</summary>
    SignatureStructure,
    /// <summary>The reference digests and the signature value verify.</summary>
    Signature,
    /// <summary>The signed properties name the certificate that signed (SigningCertificateV2).</summary>
    SigningCertificate,
    /// <summary>
    /// The certificate that signed is the one the evidence names as its issuer's seal
    /// (<c>EvidenceIssuerDetails/CertificateDetails</c>), byte for byte.
    /// </summary>
    SealIdentity,
    /// <summary>The certificate that signed is one of those the verifier was told to expect (an auditor's pin).</summary>
    ExpectedSeal,
    /// <summary>
    /// The seal certificate is fit to seal: keyUsage digitalSignature or nonRepudiation, not a CA, and neither
    /// the timestamping nor the OCSP-signing extended key usage.
    /// </summary>
    SealCertificateUsage,
    /// <summary>The seal certificate chains to a configured trust anchor and was valid at signing time.</summary>
    CertificateChain,
    /// <summary>The signature timestamp token verifies, covers the signature value and chains to a trust anchor.</summary>
    Timestamp,
    /// <summary>Signing time, timestamp time and event time agree within tolerance and are not in the future.</summary>
    TimeSanity,
    /// <summary>
    /// A certificate of the seal's or the timestamp authority's chain was not revoked at the time the signature
    /// timestamp proves, as far as the revocation data given to the verifier shows.
    /// </summary>
    Revocation,
    /// <summary>Content given alongside the evidence matches the digests in <c>PartInfo</c>.</summary>
    ContentDigest,
}
