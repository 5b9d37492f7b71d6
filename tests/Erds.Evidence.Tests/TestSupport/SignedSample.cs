using System.Xml;
using Erds.Evidence.Signing;
using Erds.Evidence.Timestamping;
using Xunit;

namespace Erds.Evidence.Tests.TestSupport;

internal static class SignedSample
{
    public static async Task<XmlDocument> CreateAsync(TestPki pki, SealKeyType keyType = SealKeyType.EcdsaP256,
        ISealSigner? seal = null, ITimestampClient? tsa = null, DateTimeOffset? signingTime = null)
    {
        var document = SampleEvidence.Load();
        var signer = new XadesSigner(seal ?? pki.Material(keyType).Seal, tsa ?? pki.Tsa(keyType));
        await signer.SignAsync(document, signingTime ?? pki.Now, TestContext.Current.CancellationToken);
        return SampleEvidence.RoundTrip(document);
    }
}
