using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Model;
using Erds.Evidence.Signing;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Tests.Xml;
using Erds.Evidence.Timestamping;
using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Verification;

/// <summary>Real evidence as the provider issues it, and the same evidence re-sealed as an attacker holding another key would.</summary>
internal static class IssuedSample
{
    public static EvidenceDocument Content(TestPki pki, X509Certificate2? namedSeal = null) =>
        EvidenceSamples.Full(EvidenceEvent.SubmissionAcceptance) with
        {
            EventTime = pki.Now.AddSeconds(-1),
            SubmissionTime = pki.Now.AddSeconds(-2),
            Issuer = new IssuerDetails(TestPki.ProviderName, (namedSeal ?? pki.Material().Seal.Certificate).RawData),
        };

    /// <summary>Issued with the provider's seal and built-in TSA at the PKI's time.</summary>
    public static async Task<byte[]> IssueAsync(TestPki pki, EvidenceDocument? content = null, ISealSigner? seal = null,
        ITimestampClient? tsa = null, TimeProvider? time = null)
    {
        var issuer = new EvidenceIssuer(seal ?? pki.Material().Seal, tsa ?? pki.Tsa(), time ?? pki.Time);
        return (await issuer.IssueAsync(content ?? Content(pki), TestContext.Current.CancellationToken)).Xml;
    }

    /// <summary>
    /// What someone holding <paramref name="seal"/>'s key (and a timestamping key) can make of an issued evidence:
    /// the content read back, changed as they like, sealed and timestamped again at a time of their choosing.
    /// </summary>
    public static Task<byte[]> ResealAsync(TestPki pki, byte[] issued, ISealSigner seal, DateTimeOffset at,
        Func<EvidenceDocument, EvidenceDocument>? change = null)
    {
        var content = EvidenceXmlReader.Read(SafeXml.Load(issued));
        var clock = new FixedTimeProvider(at);
        return IssueAsync(pki, (change ?? (c => c))(content), seal, pki.Tsa(time: clock), clock);
    }
}
