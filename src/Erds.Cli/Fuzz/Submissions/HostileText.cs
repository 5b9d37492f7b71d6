using System.Text;

namespace Erds.Cli.Fuzz.Submissions;

// Characters that have broken or fooled text handling somewhere: C0 and C1 controls, bidi overrides
// and isolates, line and paragraph separators, unpaired surrogates, noncharacters, invisible ones, a
// surrogate pair placed where a 255-character cut would split it; put into otherwise ordinary text.
internal static class HostileText
{
    private static readonly string[] Characters =
    [
        "\u0000", "\u0001", "\u0007", "\u0008", "\t", "\n", "\r", "\r\n", "\u001B[31m", "\u001F", "\u007F", "\u0085", "\u009B",
        "\u202E", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069", "\u200F", "\u061C",
        "\u2028", "\u2029",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800",
        "\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF", "\uD83F\uDFFE", "\uDBFF\uDFFF",
        "\u200B", "\uFEFF", "\u00AD", "\u034F",
        "\uD83D\uDE00", "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
        "\"", "'", "\\", ";", "%", "%00", "&#1;", "<![CDATA[", "]]>", "<x/>",
        "../../../etc/passwd", "..\\..\\windows", "CON", "/", " ",
    ];

    public static string Character(Random random) => random.Pick(Characters);

    // Ordinary text with one to three hostile characters inserted anywhere.
    public static string Into(Random random, string text)
    {
        var builder = new StringBuilder(text);
        for (var n = 1 + random.Next(3); n > 0; n--) builder.Insert(random.Next(builder.Length + 1), Character(random));
        return builder.ToString();
    }

    // Long text: repeated characters, sometimes with a surrogate pair straddling a length limit.
    public static string Long(Random random, int limit)
    {
        var length = random.Next(4) switch
        {
            0 => limit - 1,
            1 => limit,
            2 => limit + 1,
            _ => random.LogUniform(limit, limit * 64),
        };
        var filler = random.Pick(["a", "é", "\u4E2D", "\uD83D\uDE00", "\u202E", " "]);
        var text = Text.Repeat(filler, Math.Max(1, length / filler.Length));
        if (random.Next(2) == 0 && text.Length > limit) text = text[..(limit - 1)] + "\uD83D\uDE00" + text[(limit + 1)..];
        return text;
    }

    // Raw bytes that are no UTF-8 at all: overlong forms, lone continuation bytes, 0xFF, an encoded surrogate.
    public static byte[] InvalidUtf8(Random random) => random.Pick<byte[]>(
    [
        [0xC0, 0x80], [0xC1, 0xBF], [0x80], [0xBF, 0xBF], [0xFF], [0xFE, 0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
    ]);
}
