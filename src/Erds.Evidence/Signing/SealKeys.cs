using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Erds.Evidence.Signing;

internal static class SealKeys
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>The seal key type of the certificate's public key, or null when it is not one we seal with.</summary>
    public static SealKeyType? TypeOf(X509Certificate2 certificate)
    {
        using (var ecdsa = certificate.GetECDsaPublicKey())
        {
            if (ecdsa is not null)
                return IsP256(ecdsa) ? SealKeyType.EcdsaP256 : null;
        }
        using var rsa = certificate.GetRSAPublicKey();
        return rsa?.KeySize == 3072 ? SealKeyType.Rsa3072 : null;
    }

    public static string Describe(X509Certificate2 certificate)
    {
        using (var ecdsa = certificate.GetECDsaPublicKey())
        {
            if (ecdsa is not null)
                return $"ECDSA {ecdsa.KeySize}-bit ({CurveName(ecdsa)})";
        }
        using var rsa = certificate.GetRSAPublicKey();
        return rsa is not null ? $"RSA {rsa.KeySize}-bit" : $"an unsupported key ({certificate.PublicKey.Oid.Value})";
    }

    private static bool IsP256(ECDsa ecdsa)
    {
        var curve = ecdsa.ExportParameters(false).Curve;
        return curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1");
    }

    private static string CurveName(ECDsa ecdsa)
    {
        var curve = ecdsa.ExportParameters(false).Curve;
        return curve.IsNamed ? curve.Oid.FriendlyName ?? curve.Oid.Value ?? "named curve" : "explicit curve";
    }
}
