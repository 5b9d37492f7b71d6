using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

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
            while ((n = await ReadAsync(source, buffer, cancellationToken)) > 0)
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

    // A request body that ends inside a part is the sender's malformed request, not our failure.
    private static async Task<int> ReadAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken);
        }
        catch (IOException ex) when (RequestBody.EndedEarly(ex, cancellationToken))
        {
            throw Problems.Problems.MalformedRequest($"The multipart body ended inside a part: {ex.Message}");
        }
        catch (InvalidDataException ex)
        {
            throw Problems.Problems.MalformedRequest($"The multipart body is malformed inside a part: {ex.Message}");
        }
    }
}
