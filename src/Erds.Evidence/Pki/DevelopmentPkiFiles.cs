namespace Erds.Evidence.Pki;

/// <summary>The file names <see cref="DevelopmentPki"/> writes into its directory.</summary>
public static class DevelopmentPkiFiles
{
    /// <summary>The self-signed development root certificate (PEM). Give this to verifiers as the trust anchor.</summary>
    public const string RootCertificate = "root-ca.pem";

    /// <summary>The root's private key (PKCS#8 PEM, mode 0600).</summary>
    public const string RootKey = "root-ca-key.pem";

    /// <summary>The provider seal certificate (PEM).</summary>
    public const string SealCertificate = "seal.pem";

    /// <summary>The seal private key (PKCS#8 PEM, mode 0600).</summary>
    public const string SealKey = "seal-key.pem";

    /// <summary>The timestamp authority certificate (PEM).</summary>
    public const string TsaCertificate = "tsa.pem";

    /// <summary>The timestamp authority private key (PKCS#8 PEM, mode 0600).</summary>
    public const string TsaKey = "tsa-key.pem";

    internal static readonly string[] All = [RootCertificate, RootKey, SealCertificate, SealKey, TsaCertificate, TsaKey];
}
