using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;

namespace Erds.Evidence.Timestamping;

/// <summary>
/// An RFC 3161 timestamp authority inside the process: for development, tests and a provider that runs its
/// own (qualified) TSA key. <see cref="Respond"/> serves the HTTP protocol; <see cref="GetTokenAsync"/>
/// stamps directly, without encoding a request and parsing a reply in between.
/// </summary>
/// <remarks>
/// Its first token is checked exactly as <see cref="HttpTimestampClient"/> checks a remote one (signature,
/// certificate chain to the root, imprint, timestamping usage): that proves the key, the certificates
/// and the generator fit together. Later tokens come from the same key, certificates and generator, so
/// checking each of them again (more than half the cost of an evidence, measured) would prove nothing
/// new, as long as their genTime lies where every certificate of the chain is valid. A token outside
/// that window (a certificate expired while the service ran, a clock gone wrong) takes the full check
/// again, which refuses it.
/// </remarks>
public sealed class BuiltInTimestampAuthority : ITimestampClient
{
    /// <summary>The development policy OID (a UUID-based OID under 2.25, owned by nobody else).</summary>
    public const string DevelopmentPolicyOid = "2.25.255832007918852284318497935004997997847";

    private static readonly string[] AcceptedHashes = [HashAlgorithmOids.Sha256, HashAlgorithmOids.Sha384, HashAlgorithmOids.Sha512];

    private readonly TokenSigner _signer;
    private readonly TimeProvider _time;
    private readonly string _policyOid;
    private readonly DerObjectIdentifier _policy;
    private readonly IReadOnlyList<X509Certificate2> _trustRoots;
    private volatile bool _firstTokenChecked;
    private readonly DateTime _chainValidFrom;
    private readonly DateTime _chainValidUntil;

    /// <summary>Creates the authority.</summary>
    /// <param name="certificate">The TSA certificate with its private key (critical EKU timeStamping only).</param>
    /// <param name="chain">The certificates above it, ending with the root; intermediates go into tokens, the root is used to check them.</param>
    /// <param name="time">The clock that gives genTime.</param>
    /// <param name="policyOid">The TSA policy written into every token.</param>
    /// <exception cref="TimestampException">The certificate is not a timestamping certificate.</exception>
    public BuiltInTimestampAuthority(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> chain, TimeProvider time, string policyOid = DevelopmentPolicyOid)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(policyOid);
        if (TsaCertificateRules.TimestampingUsageProblem(certificate) is { } problem)
            throw new TimestampException(TimestampFailure.NotATimestampingCertificate, problem);
        _trustRoots = chain.Where(c => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData)).ToList();
        if (_trustRoots.Count == 0)
            throw new ArgumentException("The chain must end with the root that issued the TSA certificate.", nameof(chain));
        _signer = new TokenSigner(certificate, chain.Except(_trustRoots).ToList());
        _chainValidFrom = chain.Append(certificate).Max(c => c.NotBefore.ToUniversalTime());
        _chainValidUntil = chain.Append(certificate).Min(c => c.NotAfter.ToUniversalTime());
        _time = time;
        _policyOid = policyOid;
        _policy = new DerObjectIdentifier(policyOid);
    }

    /// <inheritdoc />
    public Task<byte[]> GetTokenAsync(byte[] sha256Imprint, CancellationToken cancellationToken = default)
    {
        var request = TimestampRequests.Create(sha256Imprint);
        var genTime = GenTime();
        if (!_firstTokenChecked || genTime < _chainValidFrom || genTime > _chainValidUntil)
        {
            var checkedToken = TimestampResponseValidator.Validate(request, Respond(request.GetEncoded()), _trustRoots);
            _firstTokenChecked = true;
            return Task.FromResult(checkedToken);
        }
        var token = _signer.TokenGenerator(genTime, _policy).Generate(request, NewSerialNumber(), genTime);
        return Task.FromResult(token.GetEncoded());
    }

    /// <summary>
    /// Answers a DER TimeStampReq (<c>application/timestamp-query</c>) with a DER TimeStampResp
    /// (<c>application/timestamp-reply</c>). A malformed or unacceptable request gets a rejection response.
    /// </summary>
    public byte[] Respond(byte[] timeStampRequestDer)
    {
        ArgumentNullException.ThrowIfNull(timeStampRequestDer);
        TimeStampRequest request;
        try
        {
            request = new TimeStampRequest(timeStampRequestDer);
        }
        catch (Exception e) when (BouncyCastleErrors.IsParseError(e))
        {
            return new TimeStampResponseGenerator(null, AcceptedHashes)
                .GenerateFailResponse(PkiStatus.Rejection, PkiFailureInfo.BadDataFormat, "malformed TimeStampReq")
                .GetEncoded();
        }
        var genTime = GenTime();
        // The response generator accumulates status strings, so it is made per request.
        var generator = new TimeStampResponseGenerator(_signer.TokenGenerator(genTime, _policy),
            AcceptedHashes, [_policyOid], []);
        return generator.Generate(request, NewSerialNumber(), genTime).GetEncoded();
    }

    // Whole seconds: genTime then reads the same in every tool and in the signing-time comparison.
    private DateTime GenTime()
    {
        var now = _time.GetUtcNow();
        return new DateTime(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    private static BigInteger NewSerialNumber() => new(1, RandomNumberGenerator.GetBytes(16));
}
