using Erds.Evidence.Signing;

namespace Erds.EvidenceService;

public sealed class EvidenceServiceOptions
{
    public const string Section = "Erds:Evidence";

    // The provider's legal name, written into every evidence as its issuer.
    public string ProviderName { get; set; } = "ErdsService Development Provider";

    // Policy identifiers stated in every evidence (EvidenceIssuerPolicyID), if any.
    public List<string> PolicyIds { get; set; } = [];

    public SealKeyType SealKeyType { get; set; } = SealKeyType.EcdsaP256;

    // "Development": a root CA, seal and TSA certificate generated under the data directory on first
    // start. "Files": the seal from SealCertificatePath/SealKeyPath (PEM) or SealPkcs12Path.
    public string KeySource { get; set; } = "Development";

    public string? SealCertificatePath { get; set; }
    public string? SealKeyPath { get; set; }
    public string? SealChainPath { get; set; }
    public string? SealPkcs12Path { get; set; }
    public string? SealPkcs12Password { get; set; }

    // An external RFC 3161 timestamp authority; the built-in one is used when null.
    public Uri? TimestampAuthorityUrl { get; set; }

    // PEM file with the root(s) an external TSA must chain to.
    public string? TimestampAuthorityRootsPath { get; set; }

    // Evidence is issued in batches of what is being consumed at the moment (EvidenceBatcher): at most
    // this many delivery events share a transaction, and this many batches run at once. Consumers in
    // flight are bounded by Erds:Bus:PrefetchCount, so batches are seldom larger than that.
    public int IssueBatchSize { get; set; } = 32;
    public int IssueWorkers { get; set; } = 2;

    // Readiness reports Degraded when the oldest delivery event without evidence (parked ones aside)
    // is older than this. The reconciler notices an event only after its patience of two minutes, so
    // the bound is at least that.
    public TimeSpan MaxEvidenceDelay { get; set; } = TimeSpan.FromMinutes(5);
}
