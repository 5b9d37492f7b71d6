using Erds.Evidence.Model;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Tests.Xml;
using Erds.Evidence.Timestamping;
using Xunit;

namespace Erds.Evidence.Tests.Issuing;

// Content that can never make a valid evidence fails before anything is signed or timestamped, with
// its own exception, so that the evidence service parks the event instead of retrying it for ever.
public sealed class UnsealableEvidenceTests : IDisposable
{
    private readonly TestPki _pki = new();

    [Theory]
    [InlineData("details")]
    [InlineData("sender name")]
    [InlineData("recipient identifier")]
    public async Task Text_xml_cannot_carry_is_unsealable_and_nothing_is_timestamped(string where)
    {
        var evidence = EvidenceSamples.Full(EvidenceEvent.SubmissionRejection);
        evidence = where switch
        {
            "details" => evidence with { Reasons = [EventReason.MessageRejected("Unexpected part 'x\u0001'")] },
            "sender name" => evidence with { Sender = evidence.Sender with { Identity = [IdentityAttribute.LegalName("Court\u0001")] } },
            _ => evidence with { Recipients = [evidence.Recipients[0] with { Identifier = "a\u0007@firm.example" }, .. evidence.Recipients.Skip(1)] },
        };
        var timestamps = new CountingTimestampClient(_pki.Tsa());
        var issuer = new EvidenceIssuer(_pki.Material().Seal, timestamps, _pki.Time);

        var refused = await Assert.ThrowsAsync<UnsealableEvidenceException>(() => issuer.IssueAsync(evidence, TestContext.Current.CancellationToken));

        Assert.Contains("XML cannot carry", refused.Message);
        Assert.Equal(0, timestamps.Calls);
    }

    [Fact]
    public async Task A_rule_of_en_319_522_broken_is_unsealable()
    {
        var evidence = EvidenceSamples.Full(EvidenceEvent.SubmissionRejection) with { Reasons = [] };
        var issuer = new EvidenceIssuer(_pki.Material().Seal, _pki.Tsa(), _pki.Time);

        var refused = await Assert.ThrowsAsync<UnsealableEvidenceException>(() => issuer.IssueAsync(evidence, TestContext.Current.CancellationToken));

        Assert.Contains("negative event", refused.Message);
    }

    [Fact]
    public async Task A_timestamp_authority_that_fails_is_not_mistaken_for_unsealable_content()
    {
        var issuer = new EvidenceIssuer(_pki.Material().Seal, new FailingTimestampClient(), _pki.Time);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => issuer.IssueAsync(EvidenceSamples.Full(EvidenceEvent.SubmissionAcceptance), TestContext.Current.CancellationToken));

        Assert.IsNotType<UnsealableEvidenceException>(failure);
    }

    public void Dispose() => _pki.Dispose();

    private sealed class CountingTimestampClient(ITimestampClient inner) : ITimestampClient
    {
        public int Calls;

        public Task<byte[]> GetTokenAsync(byte[] sha256Imprint, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            return inner.GetTokenAsync(sha256Imprint, cancellationToken);
        }
    }

    private sealed class FailingTimestampClient : ITimestampClient
    {
        public Task<byte[]> GetTokenAsync(byte[] sha256Imprint, CancellationToken cancellationToken = default) =>
            throw new TimestampException(TimestampFailure.Unavailable, "The timestamp authority is down.");
    }
}
