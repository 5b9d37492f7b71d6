using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Tests.Xml;
using Erds.Evidence.Verification;
using Xunit;

namespace Erds.Evidence.Tests.Verification;

/// <summary>
/// Inputs on which `erds fuzz verify` once saw an exception escape the verifier, kept as they were saved
/// (FuzzFindings/seed&lt;S&gt;-&lt;input&gt;-&lt;kind&gt;-&lt;what broke&gt;.xml): each must now get an INVALID report.
/// They were sealed under a throwaway PKI, so any root serves as the trust anchor here.
/// </summary>
public sealed class FuzzFindingTests(TestPki pki) : IClassFixture<TestPki>
{
    public static TheoryData<string> Findings() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "tests", "Erds.Evidence.Tests", "Verification", "FuzzFindings"), "*.xml").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Findings))]
    public void A_former_fuzz_finding_gets_an_invalid_report(string file)
    {
        var xml = File.ReadAllBytes(Path.Combine(RepositoryFiles.Root, "tests", "Erds.Evidence.Tests", "Verification", "FuzzFindings", file));

        var report = new EvidenceVerifier(pki.Anchors(), pki.Time).Verify(xml);

        Assert.False(report.IsValid);
        Assert.NotEmpty(report.Failures);
    }
}
