using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Model;
using Erds.Evidence.Pki;
using Erds.Evidence.Signing;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Timestamping;
using Erds.Evidence.Verification;
using CrlReasonCodes = Org.BouncyCastle.Asn1.X509.CrlReason;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Xunit;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Erds.Evidence.Tests.Verification;

/// <summary>
/// A throwaway PKI whose seal and TSA certificates name a CRL distribution point and an OCSP responder, with
/// helpers that issue CRLs and OCSP responses as its root (or an impostor) would. The evidence is timestamped at
/// <see cref="Stamped"/>; the verifier's clock stands a day later, so CRLs from the hours between are genuine.
/// </summary>
public sealed class RevocationPki : IDisposable
{
    public const string CrlUrl = "http://crl.erds.test/root.crl";
    public const string OcspUrl = "http://ocsp.erds.test/";

    public DateTimeOffset Stamped { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddDays(-2);
    public DateTimeOffset VerifiedAt => Stamped.AddDays(1);
    public X509Certificate2 Root { get; }
    public X509Certificate2 Seal { get; }
    public X509Certificate2 Tsa { get; }
    public X509Certificate2 Plain { get; }

    public RevocationPki()
    {
        Root = CertificateIssuer.CreateRoot(new X500DistinguishedName("CN=Revocation Test Root"), Stamped.AddYears(-1), Stamped.AddYears(5));
        X509Extension[] sources =
        [
            CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([CrlUrl]),
            new X509AuthorityInformationAccessExtension([OcspUrl], null),
        ];
        Seal = Issue("Revocation Test seal", [CertificateIssuer.SealKeyUsage(), .. sources]);
        Tsa = Issue("Revocation Test TSA", [.. CertificateIssuer.TsaExtensions(), sources[0]]);
        Plain = Issue("Seal without revocation sources", [CertificateIssuer.SealKeyUsage()]);
    }

    public X509Certificate2 Issue(string name, IEnumerable<X509Extension> extensions)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return CertificateIssuer.Issue(Root, new X500DistinguishedName($"CN={name}"), key, Stamped.AddMonths(-1), Stamped.AddYears(2), extensions);
    }

    /// <summary>An evidence sealed with <paramref name="seal"/> (default: <see cref="Seal"/>) and timestamped by <see cref="Tsa"/> at <see cref="Stamped"/>.</summary>
    public async Task<byte[]> IssueAsync(X509Certificate2? seal = null)
    {
        seal ??= Seal;
        var clock = new FixedTimeProvider(Stamped);
        using var signer = new X509SealSigner(seal);
        var content = Xml.EvidenceSamples.Full(EvidenceEvent.SubmissionAcceptance) with
        {
            EventTime = Stamped.AddSeconds(-1),
            SubmissionTime = Stamped.AddSeconds(-2),
            Issuer = new IssuerDetails("Revocation Test", seal.RawData),
        };
        var issuer = new EvidenceIssuer(signer, new BuiltInTimestampAuthority(Tsa, [Root], clock), clock);
        return (await issuer.IssueAsync(content, TestContext.Current.CancellationToken)).Xml;
    }

    public EvidenceVerifier Verifier(RevocationData? data = null, bool require = false) =>
        new(new TrustAnchors([Root], [Root]), new FixedTimeProvider(VerifiedAt)) { Revocation = data ?? RevocationData.None, RequireRevocationData = require };

    /// <summary>A CRL of the root, issued at <paramref name="issued"/>, listing the given entries (reason, invalidity date optional).</summary>
    public byte[] Crl(DateTimeOffset issued, IEnumerable<(X509Certificate2 Certificate, DateTimeOffset Revoked, int Reason, DateTimeOffset? Invalid)> entries,
        X509Certificate2? signer = null, Action<X509V2CrlGenerator>? extra = null)
    {
        var generator = new X509V2CrlGenerator();
        generator.SetIssuerDN(Bc(Root).SubjectDN);
        generator.SetThisUpdate(issued.UtcDateTime);
        generator.SetNextUpdate(issued.AddDays(7).UtcDateTime);
        foreach (var (certificate, revoked, reason, invalid) in entries)
        {
            var serial = new BigInteger(1, certificate.SerialNumberBytes.ToArray());
            if (invalid is { } date) generator.AddCrlEntry(serial, revoked.UtcDateTime, reason, date.UtcDateTime);
            else generator.AddCrlEntry(serial, revoked.UtcDateTime, reason);
        }
        extra?.Invoke(generator);
        return generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", PrivateKey(signer ?? Root))).GetEncoded();
    }

    public byte[] Crl(DateTimeOffset issued, params (X509Certificate2 Certificate, DateTimeOffset Revoked, int Reason)[] entries) =>
        Crl(issued, entries.Select(e => (e.Certificate, e.Revoked, e.Reason, (DateTimeOffset?)null)));

    /// <summary>An OCSP response about <paramref name="certificate"/>, signed by the root or by <paramref name="responder"/> (included in the response).</summary>
    public byte[] Ocsp(X509Certificate2 certificate, CertificateStatus? status, DateTimeOffset thisUpdate, X509Certificate2? responder = null)
    {
        var signer = responder ?? Root;
        var generator = new BasicOcspRespGenerator(new RespID(Bc(signer).SubjectDN));
        var id = new CertificateID(CertificateID.DigestSha1, Bc(Root), new BigInteger(1, certificate.SerialNumberBytes.ToArray()));
        generator.AddResponse(id, status, thisUpdate.UtcDateTime, thisUpdate.AddDays(1).UtcDateTime, null);
        var basic = generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", PrivateKey(signer)),
            responder is null ? null : [Bc(responder)], thisUpdate.UtcDateTime);
        var bytes = new Org.BouncyCastle.Asn1.Ocsp.ResponseBytes(Org.BouncyCastle.Asn1.Ocsp.OcspObjectIdentifiers.PkixOcspBasic,
            new Org.BouncyCastle.Asn1.DerOctetString(basic.GetEncoded()));
        return new Org.BouncyCastle.Asn1.Ocsp.OcspResponse(
            new Org.BouncyCastle.Asn1.Ocsp.OcspResponseStatus(Org.BouncyCastle.Asn1.Ocsp.OcspResponseStatus.Successful), bytes).GetEncoded();
    }

    public static BcCertificate Bc(X509Certificate2 certificate) => new(certificate.RawData);

    private static AsymmetricKeyParameter PrivateKey(X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPrivateKey() ?? throw new ArgumentException("needs its ECDSA private key", nameof(certificate));
        return PrivateKeyFactory.CreateKey(key.ExportPkcs8PrivateKey());
    }

    public void Dispose()
    {
        Root.Dispose();
        Seal.Dispose();
        Tsa.Dispose();
        Plain.Dispose();
    }
}
