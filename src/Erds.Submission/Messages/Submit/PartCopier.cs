using System.Buffers;
using System.Security.Cryptography;

namespace Erds.Submission.Messages.Submit;

// Streams one part to its destination while hashing it and enforcing what is left of the size budget.
public static class PartCopier
{
    private const int ChunkSize = 64 * 1024;

    public static async Task<(long Length, byte[] Sha256)> CopyAsync(Stream source, Stream destination, long budget, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long length = 0;
            int n;
            while ((n = await source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                length += n;
                if (length > budget) throw new ContentTooLargeException();
                hash.AppendData(buffer, 0, n);
                await destination.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            }
            return (length, hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
