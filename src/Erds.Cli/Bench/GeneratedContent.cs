using System.Buffers.Binary;

namespace Erds.Cli.Bench;

// Attachment content made up on the fly: deterministic pseudo-random bytes (incompressible, so no
// layer can cheat by compressing), never held whole in memory. Each 8-byte block is a SplitMix64
// hash of the seed and the block's position, so the stream can seek and is the same on every run:
// HttpClient may rewind it, and Content-Length is known up front.
internal sealed class GeneratedContent(long length, ulong seed) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, Math.Max(0, length - _position));
        var written = 0;
        while (written < count)
        {
            var position = _position + written;
            var value = Mix(seed ^ (ulong)(position >> 3));
            var skip = (int)(position & 7);
            if (skip == 0 && count - written >= 8)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(buffer[written..], value);
                written += 8;
                continue;
            }
            value >>= skip * 8;
            for (var b = skip; b < 8 && written < count; b++, written++)
            {
                buffer[written] = (byte)value;
                value >>= 8;
            }
        }
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
