using System.Net;
using System.Net.Http.Headers;

namespace Erds.Host.Tests.Limits;

// A request body sent in two steps: everything but its last bytes at once, then a byte now and then,
// and the rest only when the test releases it. Counts what it wrote at once, so that a test knows the
// request has begun.
public sealed class HeldContent : HttpContent
{
    private readonly byte[] _bytes;
    private readonly int _heldBack;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HeldContent(byte[] bytes, int heldBack, MediaTypeHeaderValue contentType)
    {
        _bytes = bytes;
        _heldBack = heldBack;
        Headers.ContentType = contentType;
    }

    public long Written { get; private set; }

    public static async Task<HeldContent> OfAsync(MultipartFormDataContent content, int heldBack)
    {
        var bytes = await content.ReadAsByteArrayAsync();
        return new HeldContent(bytes, heldBack, content.Headers.ContentType!);
    }

    public void Release() => _release.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var first = _bytes.Length - _heldBack;
        for (var offset = 0; offset < first; offset += 8192)
        {
            var n = Math.Min(8192, first - offset);
            await stream.WriteAsync(_bytes.AsMemory(offset, n), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            Written += n;
        }
        // Until released, one byte every half second, the last one kept: the upload stays alive
        // (the provider's idle timeout does not end it) and never completes.
        var sent = first;
        while (!_release.Task.IsCompleted && sent < _bytes.Length - 1)
        {
            if (await Task.WhenAny(_release.Task, Task.Delay(500, cancellationToken)) == _release.Task) break;
            await stream.WriteAsync(_bytes.AsMemory(sent, 1), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            sent++;
        }
        await _release.Task.WaitAsync(cancellationToken);
        await stream.WriteAsync(_bytes.AsMemory(sent), cancellationToken);

    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _bytes.Length;
        return true;
    }
}
