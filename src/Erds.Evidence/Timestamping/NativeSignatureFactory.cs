using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;

namespace Erds.Evidence.Timestamping;

/// <summary>
/// Lets BouncyCastle's CMS and timestamp generators sign with a .NET key: SHA-256 with ECDSA (DER
/// signature value, as CMS wants it) or with RSA PKCS#1 v1.5. The platform's implementation signs
/// several times faster than BouncyCastle's managed one, and the timestamp authority signs once per
/// evidence.
/// </summary>
internal sealed class NativeSignatureFactory : ISignatureFactory
{
    private readonly AsymmetricAlgorithm _key;

    public NativeSignatureFactory(AsymmetricAlgorithm key)
    {
        _key = key;
        AlgorithmDetails = key switch
        {
            ECDsa => new AlgorithmIdentifier(X9ObjectIdentifiers.ECDsaWithSha256),
            RSA => new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha256WithRsaEncryption, Org.BouncyCastle.Asn1.DerNull.Instance),
            _ => throw new ArgumentException($"Only ECDSA and RSA keys can sign timestamps, not {key.GetType().Name}.", nameof(key)),
        };
    }

    public object AlgorithmDetails { get; }

    public IStreamCalculator<IBlockResult> CreateCalculator() => new Calculator(_key);

    private sealed class Calculator(AsymmetricAlgorithm key) : IStreamCalculator<IBlockResult>
    {
        private readonly MemoryStream _data = new();

        public Stream Stream => _data;

        public IBlockResult GetResult()
        {
            // BouncyCastle closes the stream before it asks for the result; ToArray still works then.
            var data = _data.ToArray();
            var signature = key switch
            {
                ECDsa ecdsa => ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
                RSA rsa => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                _ => throw new InvalidOperationException("unreachable"),
            };
            return new SimpleBlockResult(signature);
        }
    }
}
