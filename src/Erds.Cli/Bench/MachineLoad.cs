namespace Erds.Cli.Bench;

// The 1-minute load average (Linux), printed with the results: on a shared machine, figures taken
// while other work ran are not comparable with figures from a quiet one.
internal static class MachineLoad
{
    public static double? OneMinute()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
