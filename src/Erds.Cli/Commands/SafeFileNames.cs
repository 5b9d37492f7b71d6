using System.Globalization;
using System.Text;

namespace Erds.Cli.Commands;

// Turns the file names a sender chose into names that are harmless to create in the recipient's
// directory: no path, not hidden, no control or invisible characters, and no name twice, so that no
// part replaces another. Names that differ only in case count as the same: they collide on Windows
// and macOS.
internal sealed class SafeFileNames
{
    // File systems allow 255 bytes per name; the rest leaves room for " (n)".
    private const int MaxNameBytes = 240;
    private static readonly char[] Invalid = Path.GetInvalidFileNameChars();
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public string Claim(string? senderName, string fallback)
    {
        var name = Harmless(string.IsNullOrWhiteSpace(senderName) ? fallback : senderName);
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        var candidate = name;
        for (var n = 2; !_taken.Add(candidate); n++) candidate = $"{stem} ({n}){extension}";
        return candidate;
    }

    private static string Harmless(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.Trim().EnumerateRunes())
        {
            builder.Append(IsUnsafe(rune) ? "_" : rune.ToString());
        }
        // A leading dot hides the file, and "." or ".." would name a directory.
        for (var i = 0; i < builder.Length && builder[i] == '.'; i++) builder[i] = '_';
        return Shorten(builder.ToString());
    }

    private static bool IsUnsafe(Rune rune) =>
        Rune.IsControl(rune)
        || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format // e.g. right-to-left override: "fdp.exe" shown as "exe.pdf"
        || rune.Value is '/' or '\\'
        || (rune.IsBmp && Invalid.Contains((char)rune.Value));

    private static string Shorten(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxNameBytes) return name;
        var extension = Path.GetExtension(name);
        if (extension.Length > 16) extension = "";
        var stem = name[..^extension.Length];
        while (Encoding.UTF8.GetByteCount(stem) + Encoding.UTF8.GetByteCount(extension) > MaxNameBytes)
        {
            stem = char.IsLowSurrogate(stem[^1]) ? stem[..^2] : stem[..^1];
        }
        return stem + extension;
    }
}
