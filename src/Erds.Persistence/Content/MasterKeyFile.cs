using System.Security.Cryptography;

namespace Erds.Persistence.Content;

// The content master key as a file with owner-only permissions. Created atomically: a temporary file
// in the same directory is written and flushed to disk, then moved into place without overwriting,
// so no process ever reads a half-written key and, when several start at once, all use the first's.
internal static class MasterKeyFile
{
    public static byte[] LoadOrCreate(string path)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path)) Create(path);
        var key = File.ReadAllBytes(path);
        if (key.Length != ContentEncryption.KeySize)
        {
            // Never replaced silently: every stored message's key is wrapped under the original.
            throw new InvalidDataException(
                $"The content master key file {path} holds {key.Length} bytes instead of {ContentEncryption.KeySize}. "
                + "Restore it from a backup; without it, stored content cannot be decrypted.");
        }
        return key;
    }

    private static void Create(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $"{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(temporary, options))
            {
                file.Write(RandomNumberGenerator.GetBytes(ContentEncryption.KeySize));
                file.Flush(flushToDisk: true);
            }
            // False when another process created the key first: LoadOrCreate then reads theirs.
            NoReplaceMove.TryMove(temporary, path);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
