using System.Globalization;
using System.Text;

namespace Erds.Evidence.Xml;

/// <summary>
/// The one gate for text that flows into evidence. Evidence is XML 1.0, which cannot carry most
/// control characters at all: a string with one of them can never be sealed. Text that people read
/// (names, subjects, file names, reasons) must moreover not be able to forge what they see: no
/// control characters, no bidirectional embeddings or overrides, no line or paragraph separators, no
/// byte-order marks or annotation characters hidden inside.
/// </summary>
/// <remarks>
/// Three uses, one rule set. Where text enters the provider it is refused when <see cref="Problem"/>
/// names a problem (the door). Where evidence must quote what someone sent (a rejection reason that
/// names an unexpected part), the quote goes through <see cref="Quote"/>, which escapes what the door
/// refuses. The evidence writer refuses text that XML cannot carry (<see cref="UncarriableCharacter"/>),
/// so that such text fails before anything is signed, the same way every time.
/// </remarks>
public static class EvidenceText
{
    /// <summary>
    /// The first character of <paramref name="value"/> that XML 1.0 cannot carry (a control character other
    /// than tab, line feed and carriage return, an unpaired surrogate, U+FFFE or U+FFFF), described as
    /// <c>U+XXXX</c>; null when there is none.
    /// </summary>
    public static string? UncarriableCharacter(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (IsCarriable(value, i, out var width)) { i += width - 1; continue; }
            return Describe(value, i);
        }
        return null;
    }

    /// <summary>
    /// Why <paramref name="value"/> may not be recorded as text people read, naming the first offending
    /// character as <c>U+XXXX</c>; null when it may. Tab is allowed; no other control character is.
    /// </summary>
    public static string? Problem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (IsReadable(value, i, out var width)) { i += width - 1; continue; }
            return $"contains {Describe(value, i)} ({Kind(value, i)})";
        }
        return null;
    }

    /// <summary>
    /// <paramref name="value"/> with every character <see cref="Problem"/> refuses written as <c>\uXXXX</c>
    /// (or <c>\UXXXXXXXX</c> beyond the basic plane), so that sender input quoted in evidence can always be
    /// sealed and shows the reader exactly what was sent.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Problem(value) is null) return value;
        var quoted = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            if (IsReadable(value, i, out var width))
            {
                quoted.Append(value, i, width);
                i += width - 1;
                continue;
            }
            var rune = Rune.TryGetRuneAt(value, i, out var r) ? r.Value : value[i];
            quoted.Append(rune > 0xFFFF ? $"\\U{rune:X8}" : $"\\u{rune:X4}");
            if (rune > 0xFFFF) i++;
        }
        return quoted.ToString();
    }

    private static bool IsCarriable(string value, int index, out int width)
    {
        width = 1;
        var c = value[index];
        if (char.IsHighSurrogate(c))
        {
            if (index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1])) return false;
            width = 2;
            return true;
        }
        if (char.IsLowSurrogate(c)) return false;
        return c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF');
    }

    private static bool IsReadable(string value, int index, out int width)
    {
        if (!IsCarriable(value, index, out width)) return false;
        if (value[index] == '\t') return true;
        var rune = Rune.GetRuneAt(value, index);
        if (IsNoncharacter(rune.Value) || IsBidiControl(rune.Value) || IsInvisibleFormatting(rune.Value)) return false;
        return Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
    }

    // Embeddings, overrides and isolates reorder what is displayed (U+202E turns "cod.exe" into
    // "exe.doc"); the marks are invisible. None has a place in an address, a name or a subject that
    // legal proof shows.
    private static bool IsBidiControl(int c) => c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C;

    // A byte-order mark inside text and the interlinear annotation characters hide or reshape what is
    // shown, and have no use in what legal proof shows. Joiners and zero-width spaces are left alone:
    // scripts such as Persian and Thai need them.
    private static bool IsInvisibleFormatting(int c) => c is 0xFEFF or (>= 0xFFF9 and <= 0xFFFB);

    private static bool IsNoncharacter(int c) => c is >= 0xFDD0 and <= 0xFDEF || (c & 0xFFFE) == 0xFFFE;

    private static string Kind(string value, int index)
    {
        var c = value[index];
        if (char.IsSurrogate(c) && !Rune.TryGetRuneAt(value, index, out _)) return "an unpaired surrogate";
        var rune = Rune.GetRuneAt(value, index).Value;
        if (IsBidiControl(rune)) return "a bidirectional control character";
        if (IsNoncharacter(rune)) return "a Unicode noncharacter";
        if (IsInvisibleFormatting(rune)) return "an invisible formatting character";
        if (rune is 0x2028 or 0x2029) return "a line or paragraph separator";
        return "a control character";
    }

    private static string Describe(string value, int index) =>
        Rune.TryGetRuneAt(value, index, out var rune) ? $"U+{rune.Value:X4}" : $"U+{(int)value[index]:X4}";
}
