namespace Erds.Evidence.Signing;

/// <summary>The seal key types a provider may use.</summary>
public enum SealKeyType
{
    /// <summary>ECDSA on NIST P-256 with SHA-256 (the default).</summary>
    EcdsaP256,
    /// <summary>RSA with a 3072-bit modulus, PKCS#1 v1.5 with SHA-256.</summary>
    Rsa3072,
}
