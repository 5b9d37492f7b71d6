using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Tsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities.Collections;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Erds.Evidence.Tests.TestSupport;

/// <summary>
/// Assembles a timestamp token by hand. BouncyCastle's token generator refuses a certificate without the
/// critical timeStamping usage, yet the verifier must be shown to reject tokens such a TSA would make.
/// </summary>
internal static class ForgedTimestampToken
{
    public static byte[] Create(X509Certificate2 tsa, byte[] sha256Imprint, DateTimeOffset genTime)
    {
        var certificate = new BcCertificate(tsa.RawData);
        var key = PrivateKeyFactory.CreateKey(tsa.GetECDsaPrivateKey()!.ExportPkcs8PrivateKey());
        var tstInfo = new TstInfo(
            new DerObjectIdentifier("2.25.1"),
            new MessageImprint(new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256), sha256Imprint),
            DerInteger.ValueOf(RandomNumberGenerator.GetInt32(int.MaxValue)),
            new Asn1GeneralizedTime(genTime.UtcDateTime), null, null, null, null, null);
        var essCertificate = new SigningCertificateV2(new EssCertIDv2(SHA256.HashData(tsa.RawData)));
        var attributes = new Org.BouncyCastle.Asn1.Cms.AttributeTable(new Asn1EncodableVector(
            new Org.BouncyCastle.Asn1.Cms.Attribute(PkcsObjectIdentifiers.IdAASigningCertificateV2, new DerSet(essCertificate))));
        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder()
            .WithSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(attributes))
            .Build(new Asn1SignatureFactory("SHA256WITHECDSA", key), certificate));
        generator.AddCertificates(CollectionUtilities.CreateStore(new[] { certificate }));
        return generator.Generate(new CmsProcessableByteArray(PkcsObjectIdentifiers.IdCTTstInfo, tstInfo.GetDerEncoded()), true).GetEncoded();
    }
}
