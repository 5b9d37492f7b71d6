using System.Security.Cryptography;

namespace Erds.Persistence.Content;

// A 256-bit key as a file with owner-only permissions: the content master key, and the key that
// encrypts ASP.NET Core's data-protection keys at rest. Created atomically: a temporary file in the same
// directory is written and flushed to disk, then moved into place without overwriting, so no process
// ever reads a half-written key and, when several start at once, all use the first's.
public static class MasterKeyFile
{
    // what names the key in the error; lost says what is lost without it.
    public static byte[] LoadOrCreate(string path, string what = "content master key", string lost = "stored content cannot be decrypted")
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path)) Create(path);
        var key = File.ReadAllBytes(path);
        if (key.Length != ContentEncryption.KeySize)
        {
            // Never replaced silently: every stored message's key is wrapped under the original.
            throw new InvalidDataException(
                $"The {what} file {path} holds {key.Length} bytes instead of {ContentEncryption.KeySize}. "
                + $"Restore it from a backup; without it, {lost}.");
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
