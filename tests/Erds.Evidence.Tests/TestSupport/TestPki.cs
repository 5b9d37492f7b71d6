using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Pki;
using Erds.Evidence.Signing;
using Erds.Evidence.Timestamping;
using Erds.Evidence.Verification;

namespace Erds.Evidence.Tests.TestSupport;

/// <summary>A throwaway development PKI per test class, plus helpers to issue odd certificates from its root.</summary>
public sealed class TestPki : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<SealKeyType, ProviderKeyMaterial> _materials = [];

    public const string ProviderName = "Test ERDS";

    /// <summary>Real time, whole seconds: external tools check certificates against the real clock.</summary>
    public DateTimeOffset Now { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public TimeProvider Time => new FixedTimeProvider(Now);

    public string Directory => _directory.Path;

    public ProviderKeyMaterial Material(SealKeyType keyType = SealKeyType.EcdsaP256)
    {
        lock (_materials)
        {
            if (!_materials.TryGetValue(keyType, out var material))
                _materials[keyType] = material = DevelopmentPki.LoadOrCreate(PkiDirectory(keyType), keyType, ProviderName, Time);
            return material;
        }
    }

    public string PkiDirectory(SealKeyType keyType) => Path.Combine(Directory, keyType.ToString());

    public string RootPemPath(SealKeyType keyType = SealKeyType.EcdsaP256) =>
        Path.Combine(PkiDirectory(keyType), DevelopmentPkiFiles.RootCertificate);

    public TrustAnchors Anchors(SealKeyType keyType = SealKeyType.EcdsaP256) => TrustAnchors.Single(Material(keyType).RootCertificate);

    /// <summary>Verifies a signed document against this PKI's root, at its time.</summary>
    public XadesVerificationResult Verify(System.Xml.XmlDocument document) => new XadesVerifier(Anchors(), Time).Verify(document);

    public BuiltInTimestampAuthority Tsa(SealKeyType keyType = SealKeyType.EcdsaP256, TimeProvider? time = null) =>
        new(Material(keyType).TsaCertificate, [Material(keyType).RootCertificate], time ?? Time);

    /// <summary>The development root with its private key, read from the files, to issue test certificates.</summary>
    public X509Certificate2 RootWithKey(SealKeyType keyType = SealKeyType.EcdsaP256)
    {
        Material(keyType);
        return X509Certificate2.CreateFromPemFile(RootPemPath(keyType),
            Path.Combine(PkiDirectory(keyType), DevelopmentPkiFiles.RootKey));
    }

    public X509Certificate2 IssueEcdsa(string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter, params X509Extension[] extensions)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var root = RootWithKey();
        return CertificateIssuer.Issue(root, new X500DistinguishedName($"CN={commonName}"), key, notBefore, notAfter, extensions);
    }

    public static X509Certificate2 OtherRoot(DateTimeOffset now) =>
        CertificateIssuer.CreateRoot(new X500DistinguishedName("CN=Some Other Root"), now.AddDays(-1), now.AddYears(1));

    public void Dispose() => _directory.Dispose();
}
