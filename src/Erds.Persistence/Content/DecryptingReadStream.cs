using System.Security.Cryptography;

namespace Erds.Persistence.Content;

// Read-only stream over an encrypted part. Any tampering, reordering or truncation surfaces as a
// ContentIntegrityException, never as silently wrong bytes.
internal sealed class DecryptingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly AesGcm _aes;
    private readonly Guid _messageId;
    private readonly int _partOrdinal;
    private readonly byte[] _cipher = new byte[ContentEncryption.SegmentSize + ContentEncryption.TagSize + 1];
    private readonly byte[] _plain = new byte[ContentEncryption.SegmentSize];
    private int _plainOffset;
    private int _plainCount;
    private long _segment;
    private bool _sawLast;
    private int _carry; // bytes of the next segment already read while looking ahead

    public DecryptingReadStream(Stream inner, byte[] key, Guid messageId, int partOrdinal)
    {
        _inner = inner;
        _aes = new AesGcm(key, ContentEncryption.TagSize);
        _messageId = messageId;
        _partOrdinal = partOrdinal;
        Span<byte> magic = stackalloc byte[ContentEncryption.Magic.Length];
        if (ReadFull(_inner, magic) != magic.Length || !magic.SequenceEqual(ContentEncryption.Magic))
        {
            throw new ContentIntegrityException("Stored content has no valid header.");
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_plainOffset == _plainCount)
        {
            if (_sawLast) return 0;
            NextSegment();
        }
        var n = Math.Min(buffer.Length, _plainCount - _plainOffset);
        _plain.AsSpan(_plainOffset, n).CopyTo(buffer);
        _plainOffset += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    private void NextSegment()
    {
        // Read one full segment plus one byte: if that byte exists, this segment is not the last.
        var want = ContentEncryption.SegmentSize + ContentEncryption.TagSize + 1;
        var got = _carry + ReadFull(_inner, _cipher.AsSpan(_carry, want - _carry));
        var isLast = got < want;
        var segmentLength = isLast ? got : got - 1;
        if (segmentLength < ContentEncryption.TagSize)
        {
            throw new ContentIntegrityException("Stored content is truncated.");
        }
        var plainLength = segmentLength - ContentEncryption.TagSize;
        Span<byte> nonce = stackalloc byte[12];
        ContentEncryption.Nonce(nonce, _partOrdinal, _segment);
        var aad = ContentEncryption.AssociatedData(_messageId, _partOrdinal, _segment, isLast);
        try
        {
            _aes.Decrypt(nonce, _cipher.AsSpan(0, plainLength), _cipher.AsSpan(plainLength, ContentEncryption.TagSize), _plain.AsSpan(0, plainLength), aad);
        }
        catch (CryptographicException)
        {
            throw new ContentIntegrityException($"Stored content failed authentication at segment {_segment}: it was altered or truncated.");
        }
        if (!isLast)
        {
            _cipher[0] = _cipher[got - 1];
            _carry = 1;
        }
        _plainOffset = 0;
        _plainCount = plainLength;
        _sawLast = isLast;
        _segment++;
    }

    private static int ReadFull(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
