using System.Globalization;

namespace Erds.Cli.Bench;

// Resident memory of a process from /proc/<pid>/status: VmRSS now, VmHWM the peak. Before a run the
// peak is reset (writing 5 to /proc/<pid>/clear_refs, Linux 4.0+, same user or root) so that the
// peak after the run is the run's own; where that is refused, the peak is since the process started.
internal sealed record ProcessMemory(int Pid, long RssBytes, long PeakBytes)
{
    public static ProcessMemory? Read(int pid)
    {
        try
        {
            long rss = -1, peak = -1;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line);
            }
            return rss < 0 || peak < 0 ? null : new ProcessMemory(pid, rss, peak);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool TryResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // "VmRSS:	  123456 kB"
    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', '\t').Where(t => t.Length > 0).ElementAt(1), CultureInfo.InvariantCulture) * 1024;
}
