using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Pki;
using Erds.Evidence.Signing;
using Erds.Evidence.Tests.TestSupport;
using Xunit;

namespace Erds.Evidence.Tests.Pki;

public sealed class DevelopmentPkiTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly TimeProvider _time = new FixedTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private ProviderKeyMaterial Create(SealKeyType keyType = SealKeyType.EcdsaP256) =>
        DevelopmentPki.LoadOrCreate(_directory.Path, keyType, "Demo ERDS", _time);

    [Fact]
    public void Second_call_loads_the_same_certificates_instead_of_creating_new_ones()
    {
        var first = Create();
        var second = Create();

        Assert.Equal(first.RootCertificate.Thumbprint, second.RootCertificate.Thumbprint);
        Assert.Equal(first.Seal.Certificate.Thumbprint, second.Seal.Certificate.Thumbprint);
        Assert.Equal(first.TsaCertificate.Thumbprint, second.TsaCertificate.Thumbprint);
    }

    [Fact]
    public void Loaded_seal_signs_with_the_key_of_its_certificate()
    {
        Create();
        var seal = Create().Seal;

        var signature = seal.SignSha256("data"u8);

        using var publicKey = seal.Certificate.GetECDsaPublicKey()!;
        Assert.True(publicKey.VerifyData("data"u8, signature, System.Security.Cryptography.HashAlgorithmName.SHA256));
    }

    [Fact]
    public void Tsa_certificate_has_a_critical_extended_key_usage_of_timestamping_only()
    {
        var tsa = Create().TsaCertificate;

        var eku = Assert.Single(tsa.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.True(eku.Critical);
        Assert.Equal(["1.3.6.1.5.5.7.3.8"], eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value));
        var keyUsage = Assert.Single(tsa.Extensions.OfType<X509KeyUsageExtension>());
        Assert.True(keyUsage.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, keyUsage.KeyUsages);
        Assert.True(tsa.HasPrivateKey);
    }

    [Fact]
    public void Seal_certificate_has_critical_digital_signature_and_non_repudiation_key_usage()
    {
        var seal = Create().Seal.Certificate;

        var keyUsage = Assert.Single(seal.Extensions.OfType<X509KeyUsageExtension>());
        Assert.True(keyUsage.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, keyUsage.KeyUsages);
        Assert.Equal("CN=Demo ERDS seal, O=Demo ERDS", seal.Subject);
        Assert.Equal(_time.GetUtcNow().AddYears(2).UtcDateTime, seal.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void Root_is_a_critical_ca_that_signs_certificates_and_crls_for_ten_years()
    {
        var root = Create().RootCertificate;

        var constraints = Assert.Single(root.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.True(constraints.Critical);
        Assert.True(constraints.CertificateAuthority);
        var keyUsage = Assert.Single(root.Extensions.OfType<X509KeyUsageExtension>());
        Assert.True(keyUsage.Critical);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, keyUsage.KeyUsages);
        Assert.Equal(root.SubjectName.Name, root.IssuerName.Name);
        Assert.Equal(_time.GetUtcNow().AddYears(10).UtcDateTime, root.NotAfter.ToUniversalTime());
        Assert.False(root.HasPrivateKey);
    }

    [Fact]
    public void Rsa3072_is_used_for_the_seal_when_configured()
    {
        var seal = Create(SealKeyType.Rsa3072).Seal;

        Assert.Equal(SealKeyType.Rsa3072, seal.KeyType);
        Assert.Equal(3072, seal.Certificate.GetRSAPublicKey()!.KeySize);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Private_key_files_are_readable_and_writable_by_the_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes do not exist on Windows");
        Create();

        foreach (var file in new[] { DevelopmentPkiFiles.RootKey, DevelopmentPkiFiles.SealKey, DevelopmentPkiFiles.TsaKey })
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_directory.File(file)));
    }

    [Fact]
    public void Configured_key_type_differing_from_the_stored_seal_key_throws()
    {
        Create(SealKeyType.EcdsaP256);

        var error = Assert.Throws<KeyMaterialException>(() => Create(SealKeyType.Rsa3072));

        Assert.Contains("EcdsaP256", error.Message);
        Assert.Contains("Rsa3072", error.Message);
    }

    [Fact]
    public void Another_provider_name_than_the_stored_one_throws()
    {
        Create();

        Assert.Throws<KeyMaterialException>(() => DevelopmentPki.LoadOrCreate(_directory.Path, SealKeyType.EcdsaP256, "Other ERDS", _time));
    }

    [Fact]
    public void Incomplete_directory_throws_instead_of_silently_regenerating()
    {
        Create();
        File.Delete(_directory.File(DevelopmentPkiFiles.SealKey));

        var error = Assert.Throws<KeyMaterialException>(() => Create());

        Assert.Contains(DevelopmentPkiFiles.SealKey, error.Message);
    }

    [Fact]
    public void Expired_development_seal_throws_on_load()
    {
        Create();
        var later = new FixedTimeProvider(_time.GetUtcNow().AddYears(3));

        var error = Assert.Throws<KeyMaterialException>(() => DevelopmentPki.LoadOrCreate(_directory.Path, SealKeyType.EcdsaP256, "Demo ERDS", later));

        Assert.Contains("expired", error.Message);
    }

    public void Dispose() => _directory.Dispose();
}
