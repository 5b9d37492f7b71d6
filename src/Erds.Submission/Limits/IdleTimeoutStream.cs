using Erds.Submission.Problems;
using Microsoft.AspNetCore.Http;

namespace Erds.Submission.Limits;

// A request body that must keep moving: a read that gets no byte within the idle timeout ends the
// upload with 408. Kestrel's minimum data rate is an average over the whole body, so a client that
// sent fast and then stalled would otherwise hold the request, its database connection and its
// concurrency slot for many minutes.
public sealed class IdleTimeoutStream(Stream inner, TimeSpan idleTimeout) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (idleTimeout <= TimeSpan.Zero) return await inner.ReadAsync(buffer, cancellationToken);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleTimeout);
        try
        {
            return await inner.ReadAsync(buffer, idle.Token);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Stalled(idleTimeout);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The multipart reader reads asynchronously; a synchronous read would block a thread on a slow
    // client, which Kestrel refuses anyway.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Request bodies are read asynchronously.");

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public const string StalledSlug = "upload-stalled";

    public static ProblemException Stalled(TimeSpan idleTimeout) =>
        new(StatusCodes.Status408RequestTimeout, StalledSlug, "Upload stalled",
            $"No data arrived for {idleTimeout.TotalSeconds:0} s; the upload was stopped. Send the submission again, with a new Idempotency-Key.");
}
