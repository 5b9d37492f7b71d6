using System.Runtime.InteropServices;

namespace Erds.Cli.Commands;

// Files named on the command line are read only when they are regular files, and never beyond a bound:
// a named pipe would block the run until someone writes to it, a device such as /dev/zero never ends,
// and a directory or a file of gigabytes cannot be evidence.
internal static class RegularFile
{
    /// <summary>Why <paramref name="path"/> cannot be read as a regular file, or null (with its length).</summary>
    public static string? Problem(string path, out long length)
    {
        length = 0;
        if (Directory.Exists(path)) return "it is a directory, not a file";
        if (OperatingSystem.IsLinux() && LinuxStat(path) is { } stat)
        {
            length = stat.Size;
            return stat.Kind;
        }
        var info = new FileInfo(path);
        if (!info.Exists) return "no such file";
        length = info.Length;
        return null;
    }

    /// <summary>Reads the whole file when it is a regular file of at most <paramref name="maxBytes"/>; otherwise says why not.</summary>
    public static byte[] Read(string path, int maxBytes, out string? problem)
    {
        problem = Problem(path, out var length);
        if (problem is not null) return [];
        if (length > maxBytes)
        {
            problem = $"it is {Bench.ByteSize.Mebibytes(length)} ({length} bytes), more than the {Bench.ByteSize.Format(maxBytes)} allowed; it was not read";
            return [];
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            // Bounded again: the file may have grown since its size was looked at.
            return Erds.Evidence.Xml.SafeXml.ReadBounded(stream, maxBytes);
        }
        catch (Erds.Evidence.Xml.UnsafeXmlException)
        {
            problem = $"it grew beyond the {Bench.ByteSize.Format(maxBytes)} allowed while being read";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"it cannot be read: {e.Message}";
        }
        return [];
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxSize = 0x200;

    // statx(2) has the same layout on every Linux architecture, unlike struct stat: stx_mode (u16) at
    // byte 28, stx_size (u64) at byte 40, 256 bytes in all.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, string path, int flags, uint mask, byte[] buffer);

    private static (string? Kind, long Size)? LinuxStat(string path)
    {
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType | StatxSize, buffer) != 0)
                return Marshal.GetLastPInvokeError() == 2 ? ("no such file", 0) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        var kind = (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
        {
            0x8000 => null,
            0x4000 => "it is a directory, not a file",
            0x1000 => "it is a named pipe (FIFO), not a regular file; reading it could wait for ever",
            0x2000 => "it is a character device, not a regular file",
            0x6000 => "it is a block device, not a regular file",
            0xC000 => "it is a socket, not a regular file",
            _ => "it is not a regular file",
        };
        return (kind, (long)BitConverter.ToUInt64(buffer, 40));
    }
}
