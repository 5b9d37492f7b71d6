using System.Net;
using System.Text;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests.Security;

// Findings of the submission fuzz (erds fuzz submit --seed 20261203), each reduced to one request. Both
// were an InvalidDataException thrown by the multipart reader while a part's content was read
// (PartCopier), which nothing mapped to a problem answer: the sender got a 500. The reader now has no
// length limit of its own (PartCopier counts against the message's budget) and PartCopier maps the
// reader's errors to 400.
public sealed class SubmissionFuzzFindingTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private Parties P => fixture.Parties;

    // Input #26 (over-limit): "Multipart body length limit exceeded". Exactly one byte over the limit got
    // 413 (SubmissionRejectionTests); more than that mostly crossed the reader's own limit (MaxMessageBytes + 1)
    // within one read, before PartCopier counted the bytes.
    [Fact]
    public async Task An_attachment_well_over_the_size_limit_gets_413_not_500()
    {
        var big = new byte[TestProvider.MaxMessageBytes + 64 * 1024];
        var submission = TestMessage.Between(P.Court, P.Firm) with { Attachments = [("groot.bin", "application/octet-stream", big)] };

        using var response = await fixture.Court.SubmitAsync(submission);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // Input #814 (boundary): the boundary inside a part's content, after a line break and followed by more
    // content instead of a line break: "Line length limit 100 exceeded".
    [Fact]
    public async Task A_boundary_inside_a_part_followed_by_content_gets_a_problem_answer_not_500()
    {
        var submission = TestMessage.Between(P.Court, P.Firm);
        var content = Encoding.ASCII.GetBytes("begin\r\n--erds-raw-boundary-7d1f" + new string('x', 200) + "\r\nend");
        using var response = await fixture.Court.SubmitAsync(submission,
            content: RawMultipart.Build(submission.MetadataJson(), ("form-data; name=\"attachment\"; filename=\"a.bin\"", "application/octet-stream", content)));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
