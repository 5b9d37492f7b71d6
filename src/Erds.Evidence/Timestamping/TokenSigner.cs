using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Erds.Evidence.Timestamping;

/// <summary>The TSA key and certificates in BouncyCastle form, turned into a token generator per genTime.</summary>
internal sealed class TokenSigner
{
    private readonly ISignatureFactory _signatures;
    private readonly BcCertificate _certificate;
    private readonly IStore<BcCertificate> _certificates;

    public TokenSigner(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> intermediates)
    {
        // The key stays a .NET key (it lives as long as this signer: one per authority).
        AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey()
            ?? certificate.GetRSAPrivateKey()
            ?? throw new ArgumentException($"TSA certificate '{certificate.Subject}' has no ECDSA or RSA private key.", nameof(certificate));
        _signatures = new NativeSignatureFactory(key);
        _certificate = new BcCertificate(certificate.RawData);
        _certificates = CollectionUtilities.CreateStore(
            new[] { _certificate }.Concat(intermediates.Select(c => new BcCertificate(c.RawData))).ToList());
    }

    public TimeStampTokenGenerator TokenGenerator(DateTime genTime, DerObjectIdentifier policy)
    {
        // The CMS signingTime attribute would otherwise come from the system clock, not from our TimeProvider.
        var signingTime = new Org.BouncyCastle.Asn1.Cms.Attribute(CmsAttributes.SigningTime, new DerSet(new Time(genTime)));
        var attributes = new AttributeTable(new Asn1EncodableVector(signingTime));
        var signerInfo = new SignerInfoGeneratorBuilder()
            .WithSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(attributes))
            .Build(_signatures, _certificate);
        // A SHA-256 digest factory makes BouncyCastle write ESS signing-certificate-v2 (RFC 5816), with issuer and serial.
        var generator = new TimeStampTokenGenerator(signerInfo, Asn1DigestFactory.Get(NistObjectIdentifiers.IdSha256), policy, true);
        generator.SetCertificates(_certificates);
        // Millisecond genTime, so that the timestamp orders with the event times it seals.
        generator.Resolution = Resolution.R_MILLISECONDS;
        return generator;
    }
}
