using System.Security.Cryptography.X509Certificates;
using Erds.Evidence.Verification;
using Xunit;

namespace Erds.Host.Tests.Support;

public static class EvidenceAssert
{
    public static TrustAnchors Trust(string rootCertificatePath)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(rootCertificatePath);
        return TrustAnchors.Single(Assert.Single(roots));
    }

    // Verifies with this provider's own verifier, at the provider's clock.
    public static VerificationReport Valid(TestProvider provider, EvidenceFile file) =>
        Valid(provider.RootCertificatePath, provider.Clock, file);

    public static VerificationReport Valid(string rootCertificatePath, TimeProvider clock, EvidenceFile file)
    {
        var report = new EvidenceVerifier(Trust(rootCertificatePath), clock).Verify(file.Xml);
        Assert.True(report.IsValid, $"{file.Event} {file.EvidenceId}: " + string.Join("; ", report.Failures.Select(f => $"{f.Check}: {f.Detail}")));
        Assert.Equal(file.Event, report.Evidence!.Event.Name);
        return report;
    }
}
