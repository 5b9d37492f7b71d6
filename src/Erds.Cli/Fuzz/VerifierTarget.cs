using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Erds.Evidence;
using Erds.Evidence.Model;
using Erds.Evidence.Pki;
using Erds.Evidence.Signing;
using Erds.Evidence.Timestamping;
using Erds.Evidence.Verification;
using Erds.Evidence.Xml;

namespace Erds.Cli.Fuzz;

// What the hostile inputs are thrown at: the verifier and the evidence reader, with a throwaway
// development PKI (in a temporary directory, deleted afterwards) whose root is trusted for the seal and
// the timestamp authority alike, as an auditor of the development provider would.
internal sealed class VerifierTarget : IDisposable
{
    private readonly string _directory;
    private readonly TrustAnchors _anchors;
    private readonly HashSet<string> _genuineContent;
    private readonly EvidenceVerifier _verifier;

    private VerifierTarget(string directory, TrustAnchors anchors, IReadOnlyList<byte[]> bases, HashSet<string> genuineContent,
        byte[] sealCertificate, byte[] tsaCertificate, byte[] crl)
    {
        _directory = directory;
        _anchors = anchors;
        _genuineContent = genuineContent;
        _verifier = new EvidenceVerifier(anchors, TimeProvider.System);
        Bases = bases;
        SealCertificate = sealCertificate;
        TsaCertificate = tsaCertificate;
        Crl = crl;
    }

    /// <summary>Genuine evidence: small, typical, largest.</summary>
    public IReadOnlyList<byte[]> Bases { get; }

    public byte[] SealCertificate { get; }

    public byte[] TsaCertificate { get; }

    /// <summary>A genuine CRL of the root, listing a few serial numbers (not the seal's).</summary>
    public byte[] Crl { get; }

    public static async Task<VerifierTarget> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("erds-fuzz-").FullName;
        var time = TimeProvider.System;
        var keys = DevelopmentPki.LoadOrCreate(Path.Combine(directory, "pki"), SealKeyType.EcdsaP256, "Fuzz Provider", time);
        var issuer = new EvidenceIssuer(keys.Seal, new BuiltInTimestampAuthority(keys.TsaCertificate, [keys.RootCertificate], time), time);
        var now = time.GetUtcNow();
        var seal = keys.Seal.Certificate.RawData;
        EvidenceDocument[] contents = [BaseEvidence.Small(seal, now), BaseEvidence.Typical(seal, now), BaseEvidence.Largest(seal, now)];
        var bases = new List<byte[]>();
        foreach (var content in contents) bases.Add((await issuer.IssueAsync(content)).Xml);
        var genuine = contents.Select(Written).ToHashSet();
        using var root = X509Certificate2.CreateFromPemFile(
            Path.Combine(directory, "pki", DevelopmentPkiFiles.RootCertificate), Path.Combine(directory, "pki", DevelopmentPkiFiles.RootKey));
        var target = new VerifierTarget(directory, TrustAnchors.Single(keys.RootCertificate), bases, genuine, seal, keys.TsaCertificate.RawData, RootCrl(root, now));
        foreach (var xml in bases)
        {
            var report = target._verifier.Verify(xml);
            if (!report.IsValid)
                throw new InvalidOperationException("A genuine evidence does not verify, so the run would prove nothing: "
                    + string.Join("; ", report.Failures.Select(f => $"{f.Check}: {f.Detail}")));
        }
        return target;
    }

    /// <summary>Runs one input through the verifier and the evidence reader, measuring it; an exception that escapes is a crash.</summary>
    public FuzzOutcome Run(FuzzInput input)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        Exception? crash = null;
        var valid = false;
        var fooled = false;
        try
        {
            var verifier = input.Crls is null && input.OcspResponses is null ? _verifier : WithRevocation(input);
            var report = verifier.Verify(input.Xml);
            if (report.Checks.Count == 0) throw new InvalidOperationException("The verifier returned a report without checks.");
            valid = report.IsValid;
            // VALID must mean the content is exactly a genuine evidence's; anything else would be a forgery accepted.
            fooled = valid && (report.Evidence is null || !_genuineContent.Contains(Written(report.Evidence)));
            ReadEvidence(input.Xml);
        }
        catch (Exception e)
        {
            crash = e;
        }
        return new FuzzOutcome(input, valid, crash, fooled, Stopwatch.GetElapsedTime(started), GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    private EvidenceVerifier WithRevocation(FuzzInput input)
    {
        RevocationData data;
        try
        {
            data = RevocationData.From(input.Crls ?? [], input.OcspResponses ?? []);
        }
        catch (RevocationDataException)
        {
            // Refused when read, as the CLI refuses such a file; the verifier then runs without it.
            data = RevocationData.None;
        }
        return new EvidenceVerifier(_anchors, TimeProvider.System) { Revocation = data };
    }

    // The reader on its own, as a server would use it on evidence a peer sent: refusals are expected, anything else is not.
    private static void ReadEvidence(byte[] xml)
    {
        try
        {
            EvidenceXmlReader.Read(SafeXml.Load(xml, XmlLimits.Default));
        }
        catch (Exception e) when (e is UnsafeXmlException or EvidenceFormatException)
        {
        }
    }

    private static string Written(EvidenceDocument evidence) =>
        Convert.ToHexString(SHA256.HashData(EvidenceXml.ToBytes(EvidenceXmlWriter.Write(evidence))));

    private static byte[] RootCrl(X509Certificate2 root, DateTimeOffset now)
    {
        var builder = new CertificateRevocationListBuilder();
        for (var i = 1; i <= 3; i++) builder.AddEntry([(byte)i, 0x42, 0x17], now.AddDays(-i), X509RevocationReason.KeyCompromise);
        return builder.Build(root, System.Numerics.BigInteger.One, now.AddDays(7), HashAlgorithmName.SHA256, thisUpdate: now);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is not worth failing the run over.
        }
    }
}
