using System.Globalization;
using System.Text.RegularExpressions;

namespace Erds.Cli.Commands;

// How operators write times on the command line: a duration ("90d", "36h", "15m", "0") or an instant
// (ISO 8601, "2027-06-30" or "2027-06-30T12:00:00Z"; without an offset it is UTC).
internal static partial class CliTimes
{
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (text == "0") return true;
        var match = DurationPattern().Match(text);
        if (!match.Success) return false;
        var amount = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (amount > 100_000) return false;
        duration = match.Groups[2].Value switch
        {
            "d" => TimeSpan.FromDays(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromMinutes(amount),
        };
        return true;
    }

    public static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    // A duration counts from now; an instant is taken as it is.
    public static DateTimeOffset FromNow(string text, DateTimeOffset now, string option) =>
        TryParseDuration(text, out var duration) ? now + duration
        : TryParseInstant(text, out var instant) ? instant
        : throw new CliError($"{option} '{text}': write a duration (90d, 36h, 15m) or an instant (2027-06-30T12:00:00Z).");

    // A duration counts back from now (--since 24h); an instant is taken as it is.
    public static DateTimeOffset Ago(string text, DateTimeOffset now, string option) =>
        TryParseDuration(text, out var duration) ? now - duration
        : TryParseInstant(text, out var instant) ? instant
        : throw new CliError($"{option} '{text}': write a duration (24h, 7d) or an instant (2026-12-01T00:00:00Z).");

    [GeneratedRegex(@"^(\d{1,6})([dhm])$")]
    private static partial Regex DurationPattern();
}
