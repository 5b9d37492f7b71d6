using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Erds.Persistence.Content;

// Content is encrypted in segments of SegmentSize bytes with AES-256-GCM under the message's own key,
// so that a part of any size is streamed with bounded memory. Each segment's nonce is
// (part ordinal, segment index) and its associated data binds the message id, the part and whether it
// is the last segment: segments cannot be reordered, moved to another part or message, or truncated.
internal static class ContentEncryption
{
    public const int SegmentSize = 64 * 1024;
    public const int TagSize = 16;
    public const int KeySize = 32;
    public static ReadOnlySpan<byte> Magic => "ERDSC1\n\0"u8;

    public static void Nonce(Span<byte> nonce, int partOrdinal, long segmentIndex)
    {
        BinaryPrimitives.WriteInt32BigEndian(nonce, partOrdinal);
        BinaryPrimitives.WriteInt64BigEndian(nonce[4..], segmentIndex);
    }

    public static byte[] AssociatedData(Guid messageId, int partOrdinal, long segmentIndex, bool isLast)
    {
        var data = new byte[16 + 4 + 8 + 1];
        messageId.TryWriteBytes(data);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(16), partOrdinal);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(20), segmentIndex);
        data[28] = isLast ? (byte)1 : (byte)0;
        return data;
    }

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);
}
