using System.Text;

namespace Erds.Cli.Fuzz.Submissions;

// UTF-8 that also writes unpaired surrogates (as the three bytes a careless encoder writes, ED A0 80 for
// U+D800) instead of replacing them: the bytes an attacker sends, not the ones a well-behaved client would.
internal static class Wtf8
{
    public static byte[] Bytes(string text)
    {
        var output = new List<byte>(text.Length + 16);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                output.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, 2)));
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                output.Add((byte)(0xE0 | (c >> 12)));
                output.Add((byte)(0x80 | ((c >> 6) & 0x3F)));
                output.Add((byte)(0x80 | (c & 0x3F)));
            }
            else
            {
                var n = Encoding.UTF8.GetBytes([c], buffer);
                for (var k = 0; k < n; k++) output.Add(buffer[k]);
            }
        }
        return [.. output];
    }
}
