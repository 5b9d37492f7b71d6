namespace Erds.Evidence.Model;

/// <summary>The provider issuing evidence: its legal name and, optionally, its seal certificate.</summary>
/// <param name="LegalName">The provider's legal name.</param>
/// <param name="SealCertificate">The DER encoding of the seal certificate, written into <c>CertificateDetails</c>.</param>
public sealed record IssuerDetails(string LegalName, byte[]? SealCertificate);
