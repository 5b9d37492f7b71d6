using System.Text;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Verification;
using Xunit;

namespace Erds.Evidence.Tests.Verification;

/// <summary>The issue's nesting cases: the verifier answers with a verdict instead of overflowing its stack or working for minutes.</summary>
public sealed class DeepNestingTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public async Task Seven_thousand_levels_before_the_signature_are_refused_as_too_deep()
    {
        var issued = Encoding.UTF8.GetString(await IssuedSample.IssueAsync(pki));
        var at = issued.IndexOf("<ds:Signature", StringComparison.Ordinal);
        var nested = issued[..at] + Nest(7_000) + issued[at..];

        var report = SmallStack.Run(() => new EvidenceVerifier(pki.Anchors(), pki.Time).Verify(Encoding.UTF8.GetBytes(nested)));

        var wellFormed = Assert.Single(report.Checks, c => c.Check == VerificationCheck.WellFormed);
        Assert.False(wellFormed.Passed);
        Assert.Contains("deep", wellFormed.Detail);
    }

    [Fact]
    public void Three_hundred_twenty_thousand_levels_without_a_signature_are_refused_by_size_or_else_as_too_deep()
    {
        // 2.2 MB: over the default 1 MiB, so refused unread; a caller allowing 4 MiB still gets the depth refusal.
        var nested = Encoding.UTF8.GetBytes(Nest(320_000));
        var byDefault = SmallStack.Run(() => new EvidenceVerifier(pki.Anchors(), pki.Time).Verify(nested));
        var allowingMore = SmallStack.Run(() => new EvidenceVerifier(pki.Anchors(), pki.Time)
        {
            Limits = Erds.Evidence.Xml.XmlLimits.Default with { MaxBytes = 4 * 1024 * 1024 },
        }.Verify(nested));

        Assert.Contains("more than the allowed 1048576", Assert.Single(byDefault.Failures, c => c.Check == VerificationCheck.WellFormed).Detail);
        Assert.Contains("deep", Assert.Single(allowingMore.Failures, c => c.Check == VerificationCheck.WellFormed).Detail);
        Assert.Single(byDefault.Checks);
        Assert.Single(allowingMore.Checks);
    }

    private static string Nest(int levels)
    {
        var builder = new StringBuilder(levels * 7);
        builder.Insert(0, "<a>", levels);
        builder.Insert(builder.Length, "</a>", levels);
        return builder.ToString();
    }
}
