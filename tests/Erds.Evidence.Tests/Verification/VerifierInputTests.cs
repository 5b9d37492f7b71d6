using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Verification;
using Xunit;

namespace Erds.Evidence.Tests.Verification;

/// <summary>The stream entry servers use for evidence from peers: bounded reading, the same verdicts as for bytes.</summary>
public sealed class VerifierInputTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public async Task Evidence_from_a_stream_verifies_as_from_bytes()
    {
        using var stream = new MemoryStream(await IssuedSample.IssueAsync(pki));

        Assert.True(new EvidenceVerifier(pki.Anchors(), pki.Time).Verify(stream).IsValid);
    }

    [Fact]
    public void A_stream_that_never_ends_gets_a_verdict_after_reading_one_byte_over_the_limit()
    {
        using var endless = new EndlessStream();
        var verifier = new EvidenceVerifier(pki.Anchors(), pki.Time);

        var report = verifier.Verify(endless);

        Assert.Contains("more than the allowed", VerificationAssert.FailedExactly(report, VerificationCheck.WellFormed));
        Assert.Equal(verifier.Limits.MaxBytes + 1, endless.BytesRead);
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'<');
            BytesRead += count;
            return count;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
