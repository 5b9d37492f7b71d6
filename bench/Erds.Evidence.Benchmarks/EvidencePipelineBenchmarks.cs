using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Erds.Evidence.Model;
using Erds.Evidence.Pki;
using Erds.Evidence.Signing;
using Erds.Evidence.Timestamping;
using Erds.Evidence.Verification;
using Erds.Evidence.Xml;

namespace Erds.Evidence.Benchmarks;

// The evidence pipeline alone, per seal key type, without database, bus or HTTP. Issue is what the
// evidence service does per evidence (build, validate, sign, timestamp, serialize, validate again);
// the other benchmarks take it apart.
[MemoryDiagnoser]
public class EvidencePipelineBenchmarks
{
    private string _directory = null!;
    private EvidenceDocument _evidence = null!;
    private EvidenceIssuer _issuer = null!;
    private XadesSigner _signer = null!;
    private BuiltInTimestampAuthority _tsa = null!;
    private EvidenceVerifier _verifier = null!;
    private byte[] _unsigned = null!;
    private byte[] _issued = null!;
    private byte[] _imprint = null!;

    [Params(SealKeyType.EcdsaP256, SealKeyType.Rsa3072)]
    public SealKeyType KeyType { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "erds-benchmarks-" + Guid.NewGuid().ToString("N"));
        var time = TimeProvider.System;
        var keys = DevelopmentPki.LoadOrCreate(_directory, KeyType, "ErdsService Benchmark Provider", time);
        _tsa = new BuiltInTimestampAuthority(keys.TsaCertificate, [keys.RootCertificate], time);
        _issuer = new EvidenceIssuer(keys.Seal, _tsa, time);
        _signer = new XadesSigner(keys.Seal, _tsa);
        _verifier = new EvidenceVerifier(TrustAnchors.Single(keys.RootCertificate), time);
        _evidence = BenchmarkEvidence.ContentHandover(keys.Seal.Certificate.RawData, time.GetUtcNow());
        _unsigned = EvidenceXml.ToBytes(EvidenceXmlWriter.Write(_evidence));
        _issued = _issuer.IssueAsync(_evidence).GetAwaiter().GetResult().Xml;
        _imprint = SHA256.HashData(_issued);
        if (!_verifier.Verify(_issued).IsValid) throw new InvalidOperationException("The benchmark evidence does not verify.");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Description = "Build XML")]
    public byte[] Build() => EvidenceXml.ToBytes(EvidenceXmlWriter.Write(_evidence));

    [Benchmark(Description = "Schema-validate")]
    public int Validate() => EvidenceSchemaValidator.Validate(_unsigned).Count;

    [Benchmark(Description = "Timestamp (built-in TSA)")]
    public Task<byte[]> Timestamp() => _tsa.GetTokenAsync(_imprint);

    [Benchmark(Description = "Build + sign + timestamp")]
    public async Task<byte[]> BuildSignTimestamp()
    {
        var document = EvidenceXmlWriter.Write(_evidence);
        await _signer.SignAsync(document, DateTimeOffset.UtcNow);
        return EvidenceXml.ToBytes(document);
    }

    [Benchmark(Description = "Issue (EvidenceIssuer)")]
    public async Task<byte[]> Issue() => (await _issuer.IssueAsync(_evidence)).Xml;

    [Benchmark(Description = "Verify (EvidenceVerifier)")]
    public bool Verify() => _verifier.Verify(_issued).IsValid;
}
