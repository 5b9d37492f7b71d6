using System.Runtime.InteropServices;

namespace Erds.Persistence.Content;

// Moves a file into place only if nothing is there yet, atomically. File.Move(overwrite: false) does
// not: on Unix it checks for the target and then renames, so two processes can both succeed and the
// second silently replaces the first one's file. link(2) fails with EEXIST instead; on Windows,
// MoveFileEx without MOVEFILE_REPLACE_EXISTING (what File.Move uses) already behaves so.
internal static class NoReplaceMove
{
    private const int EEXIST = 17; // the same on Linux and macOS

    // False when the destination already exists; the source is then left as it was.
    public static bool TryMove(string source, string destination)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(source, destination, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(destination))
            {
                return false;
            }
        }
        if (Link(source, destination) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error == EEXIST) return false;
            throw new IOException($"Cannot create {destination}: {Marshal.GetPInvokeErrorMessage(error)}");
        }
        File.Delete(source);
        return true;
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
}
