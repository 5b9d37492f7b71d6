using System.Text;

namespace Erds.Cli.Fuzz;

// Small helpers for editing evidence as text, as an attacker with a text editor would.
internal static class Text
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Of(byte[] xml) => Utf8.GetString(xml);

    public static byte[] Bytes(string text) => Utf8.GetBytes(text);

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A size spread over orders of magnitude: as many small as large.</summary>
    public static int LogUniform(this Random random, int min, int max) =>
        (int)Math.Min(max, Math.Round(min * Math.Pow((double)max / min, random.NextDouble())));

    public static string Repeat(string part, int times)
    {
        var builder = new StringBuilder(part.Length * times);
        builder.Insert(0, part, times);
        return builder.ToString();
    }

    /// <summary>Where the signature starts, or the middle when there is none.</summary>
    public static int SignatureStart(string xml) => xml.IndexOf("<ds:Signature", StringComparison.Ordinal) is var at and >= 0 ? at : xml.Length / 2;

    /// <summary>The start of the content of a random element named <paramref name="localName"/> (after its start tag), or -1.</summary>
    public static int ContentOf(string xml, string localName, Random random)
    {
        var starts = new List<int>();
        for (var at = xml.IndexOf(":" + localName, StringComparison.Ordinal); at >= 0; at = xml.IndexOf(":" + localName, at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && xml.LastIndexOf('<', at) is var open and >= 0 && open > xml.LastIndexOf('>', at) && xml[open + 1] != '/')
                starts.Add(xml.IndexOf('>', at) + 1);
        }
        return starts.Count == 0 ? -1 : random.Pick(starts);
    }

    /// <summary>A random position of one of <paramref name="characters"/> in <paramref name="xml"/>, or a random position.</summary>
    public static int PositionOf(string xml, Random random, params char[] characters)
    {
        for (var tries = 0; tries < 64; tries++)
        {
            var at = random.Next(xml.Length);
            if (characters.Contains(xml[at])) return at;
        }
        return random.Next(xml.Length);
    }
}
