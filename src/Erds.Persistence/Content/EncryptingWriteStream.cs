using System.Security.Cryptography;

namespace Erds.Persistence.Content;

// Write-only stream: plaintext in, encrypted segments out. Complete() writes the final segment, which may
// be empty, and flushes the file to disk; disposing without Complete() leaves a file that reading
// reports as truncated.
public sealed class EncryptingWriteStream : Stream
{
    private readonly FileStream _inner;
    private readonly AesGcm _aes;
    private readonly Guid _messageId;
    private readonly int _partOrdinal;
    private readonly byte[] _plain = new byte[ContentEncryption.SegmentSize];
    private readonly byte[] _cipher = new byte[ContentEncryption.SegmentSize + ContentEncryption.TagSize];
    private int _filled;
    private long _segment;
    private long _length;
    private bool _completed;

    public EncryptingWriteStream(FileStream inner, byte[] key, Guid messageId, int partOrdinal)
    {
        _inner = inner;
        _aes = new AesGcm(key, ContentEncryption.TagSize);
        _messageId = messageId;
        _partOrdinal = partOrdinal;
        _inner.Write(ContentEncryption.Magic);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_completed;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        while (!buffer.IsEmpty)
        {
            // A full segment is only sealed once more data arrives, so the last one is always known.
            if (_filled == _plain.Length) SealSegment(isLast: false);
            var n = Math.Min(buffer.Length, _plain.Length - _filled);
            buffer[..n].CopyTo(_plain.AsSpan(_filled));
            _filled += n;
            _length += n;
            buffer = buffer[n..];
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        await _inner.FlushAsync(cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void SealSegment(bool isLast)
    {
        Span<byte> nonce = stackalloc byte[12];
        ContentEncryption.Nonce(nonce, _partOrdinal, _segment);
        var aad = ContentEncryption.AssociatedData(_messageId, _partOrdinal, _segment, isLast);
        _aes.Encrypt(nonce, _plain.AsSpan(0, _filled), _cipher.AsSpan(0, _filled), _cipher.AsSpan(_filled, ContentEncryption.TagSize), aad);
        _inner.Write(_cipher, 0, _filled + ContentEncryption.TagSize);
        _segment++;
        _filled = 0;
    }

    // Seals the last segment: only a completed part can be read back. The part is then on disk, not only
    // in the page cache: the database commit that accepts the message follows, and from then on the
    // content must survive a power cut.
    public void Complete()
    {
        if (_completed) return;
        SealSegment(isLast: true);
        _inner.Flush(flushToDisk: true);
        _completed = true;
    }

    public override void Flush() => _inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
            _inner.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
        }
        base.Dispose(disposing);
    }
}
