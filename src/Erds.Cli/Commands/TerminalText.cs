using System.Globalization;
using System.Text;

namespace Erds.Cli.Commands;

internal static class TerminalText
{
    // Text that came from someone else, made safe to print: an escape sequence or line break in it
    // could otherwise rewrite what the user sees on their terminal.
    public static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format) builder.Append($"\\u{rune.Value:X4}");
            else builder.Append(rune.ToString());
        }
        return builder.ToString();
    }
}
