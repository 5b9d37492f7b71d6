using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Signing;

namespace Erds.Evidence.Pki;

/// <summary>The keys a provider runs with: its trust root, its seal and its timestamp authority.</summary>
/// <param name="RootCertificate">The root that issued the seal and TSA certificates (public part only).</param>
/// <param name="Seal">The seal signer.</param>
/// <param name="TsaCertificate">The timestamp authority certificate, with its private key.</param>
public sealed record ProviderKeyMaterial(X509Certificate2 RootCertificate, ISealSigner Seal, X509Certificate2 TsaCertificate);
