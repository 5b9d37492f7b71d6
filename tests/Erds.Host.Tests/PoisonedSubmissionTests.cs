using System.Net;
using System.Text;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

// Sender input that evidence must quote (the name of a part nobody expected) is quoted through the
// evidence text gate: the rejection is proven like any other, and nobody else's evidence waits.
public sealed class PoisonedSubmissionTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    [Theory]
    [InlineData("x\u0001")]
    [InlineData("\u001B[31mred")]
    [InlineData("rtl\u202Egnp.exe")]
    public async Task A_part_named_with_a_control_character_gets_sealed_rejection_evidence_quoting_it_escaped(string partName)
    {
        var submission = TestMessage.Between(P.Court, P.Firm);
        var content = RawMultipart.Build(submission.MetadataJson(), ($"form-data; name=\"{partName}\"", "text/plain", "hallo"u8.ToArray()));

        using var response = await fixture.Court.SubmitAsync(submission, content: content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messageId = (await ErdsApi.ProblemAsync(response)).GetProperty("messageId").GetGuid();
        var evidence = Assert.Single(await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionRejection"));
        var report = EvidenceAssert.Valid(fixture.Provider, evidence);
        var details = Assert.Single(report.Evidence!.Reasons).Details!;
        Assert.Contains(Erds.Evidence.Xml.EvidenceText.Quote(partName), details);
        Assert.Null(Erds.Evidence.Xml.EvidenceText.Problem(details));
        Assert.DoesNotContain(partName, Encoding.UTF8.GetString(evidence.Xml));
    }
}
