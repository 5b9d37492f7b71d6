using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Pki;
using Erds.Evidence.Signing;
using Erds.Evidence.Tests.TestSupport;
using Xunit;

namespace Erds.Evidence.Tests.Pki;

public sealed class SealCredentialLoaderTests(TestPki pki) : IClassFixture<TestPki>, IDisposable
{
    private readonly TempDirectory _files = new();

    private X509Certificate2 Seal(DateTimeOffset notBefore, DateTimeOffset notAfter, X509KeyUsageFlags usage) =>
        pki.IssueEcdsa("Loader test seal", notBefore, notAfter, new X509KeyUsageExtension(usage, true));

    private X509Certificate2 ValidSeal() =>
        Seal(pki.Now.AddDays(-1), pki.Now.AddDays(30), X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation);

    private (string Certificate, string Key) WritePem(X509Certificate2 certificate)
    {
        File.WriteAllText(_files.File("seal.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(_files.File("seal-key.pem"), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (_files.File("seal.pem"), _files.File("seal-key.pem"));
    }

    [Fact]
    public void Pem_seal_loads_with_its_key()
    {
        var (certificate, key) = WritePem(ValidSeal());

        using var seal = SealCredentialLoader.FromPem(certificate, key, null, pki.Time);

        Assert.Equal(SealKeyType.EcdsaP256, seal.KeyType);
        Assert.Equal(64, seal.SignSha256("x"u8).Length);
    }

    [Fact]
    public void Pem_chain_file_gives_the_intermediates_and_drops_the_root()
    {
        var (certificate, key) = WritePem(ValidSeal());
        File.WriteAllText(_files.File("chain.pem"), pki.Material().RootCertificate.ExportCertificatePem());

        using var seal = SealCredentialLoader.FromPem(certificate, key, _files.File("chain.pem"), pki.Time);

        Assert.Empty(seal.Chain);
    }

    [Fact]
    public void Pkcs12_seal_loads_with_its_key()
    {
        File.WriteAllBytes(_files.File("seal.p12"), ValidSeal().ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, "secret"));

        using var seal = SealCredentialLoader.FromPkcs12(_files.File("seal.p12"), "secret", pki.Time);

        Assert.Equal("CN=Loader test seal", seal.Certificate.Subject);
    }

    [Fact]
    public void Pkcs12_with_a_wrong_password_is_rejected()
    {
        File.WriteAllBytes(_files.File("seal.p12"), ValidSeal().ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, "secret"));

        Assert.Throws<KeyMaterialException>(() => SealCredentialLoader.FromPkcs12(_files.File("seal.p12"), "wrong", pki.Time));
    }

    [Fact]
    public void Expired_seal_certificate_is_rejected()
    {
        var (certificate, key) = WritePem(Seal(pki.Now.AddDays(-10), pki.Now.AddDays(-1), X509KeyUsageFlags.DigitalSignature));

        var error = Assert.Throws<KeyMaterialException>(() => SealCredentialLoader.FromPem(certificate, key, null, pki.Time));

        Assert.Contains("expired", error.Message);
    }

    [Fact]
    public void Seal_certificate_whose_key_usage_does_not_allow_signing_is_rejected()
    {
        var (certificate, key) = WritePem(Seal(pki.Now.AddDays(-1), pki.Now.AddDays(1), X509KeyUsageFlags.CrlSign));

        var error = Assert.Throws<KeyMaterialException>(() => SealCredentialLoader.FromPem(certificate, key, null, pki.Time));

        Assert.Contains("keyUsage", error.Message);
    }

    // The provider must not seal with what its auditors' verifier refuses: the timestamp authority's key,
    // which the development PKI keeps beside the seal's, above all.
    [Theory]
    [InlineData("1.3.6.1.5.5.7.3.8", "timeStamping")]
    [InlineData("1.3.6.1.5.5.7.3.9", "OCSPSigning")]
    public void Seal_certificate_of_an_authoritys_key_is_rejected(string usageOid, string named)
    {
        var certificate = pki.IssueEcdsa("Authority key as seal", pki.Now.AddDays(-1), pki.Now.AddDays(30),
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true),
            new X509EnhancedKeyUsageExtension([new Oid(usageOid)], true));
        var (path, key) = WritePem(certificate);

        var error = Assert.Throws<KeyMaterialException>(() => SealCredentialLoader.FromPem(path, key, null, pki.Time));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Key_that_does_not_belong_to_the_certificate_is_rejected()
    {
        var (certificate, _) = WritePem(ValidSeal());
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(_files.File("other-key.pem"), otherKey.ExportPkcs8PrivateKeyPem());

        Assert.Throws<KeyMaterialException>(() => SealCredentialLoader.FromPem(certificate, _files.File("other-key.pem"), null, pki.Time));
    }

    [Fact]
    public void Unsupported_key_type_is_rejected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var root = pki.RootWithKey();
        var p384 = CertificateIssuer.Issue(root, new X500DistinguishedName("CN=P-384 seal"), key, pki.Now.AddDays(-1), pki.Now.AddDays(1),
            [new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true)]);
        File.WriteAllText(_files.File("seal.pem"), p384.ExportCertificatePem());
        File.WriteAllText(_files.File("seal-key.pem"), key.ExportPkcs8PrivateKeyPem());

        var error = Assert.Throws<KeyMaterialException>(() => SealCredentialLoader.FromPem(_files.File("seal.pem"), _files.File("seal-key.pem"), null, pki.Time));

        Assert.Contains("384", error.Message);
    }

    public void Dispose() => _files.Dispose();
}
