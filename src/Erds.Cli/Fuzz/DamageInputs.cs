using System.Text;

namespace Erds.Cli.Fuzz;

// Evidence damaged as storage, transport or a careless editor would: truncated at every kind of boundary,
// bytes and characters changed, invalid UTF-8, byte order marks and declared encodings that do not fit.
internal static class DamageInputs
{
    public static byte[] Truncated(Random random, byte[] evidence)
    {
        var xml = Text.Of(evidence);
        // A boundary of each kind: inside a start tag, an attribute value, base64, an end tag, between elements,
        // inside a multi-byte character (a byte cut), or anywhere.
        var at = random.Next(7) switch
        {
            0 => Text.PositionOf(xml, random, '<') + 1,
            1 => Text.PositionOf(xml, random, '"') + 1,
            2 => Text.PositionOf(xml, random, '='),
            3 => Text.PositionOf(xml, random, '/'),
            4 => Text.PositionOf(xml, random, '>') + 1,
            5 => -1,
            _ => random.Next(xml.Length),
        };
        if (at < 0)
        {
            var bytes = Text.Bytes("é" + xml);
            return bytes[..random.Next(1, bytes.Length)];
        }
        return evidence[..Math.Min(evidence.Length, Encoding.UTF8.GetByteCount(xml.AsSpan(0, Math.Min(at, xml.Length))))];
    }

    public static byte[] ByteMutation(Random random, byte[] evidence)
    {
        var bytes = new List<byte>(evidence);
        for (var n = random.LogUniform(1, 64); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.Insert(at, (byte)random.Next(256)); break;
                case 3: bytes.RemoveAt(at); break;
                default:
                    var length = Math.Min(random.Next(1, 64), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }
        return [.. bytes];
    }

    private static readonly string[] Characters =
    [
        "<", ">", "&", "\"", "'", "=", "/", " ", "\n", "\r", "\t", "\0", "\u0001", "\u001B", "&#0;", "&#x1;", "&#xD800;", "&#x10FFFF;",
        "&#99999999999;", "&lt;", "&amp;amp;", "&foo;", "]]>", "<!--", "-->", "<?", "?>", "<![CDATA[", "\uFEFF", "\uFFFE", "\uFFFF",
        "\u202E", "\u2028", "\u0085", "\u00A0", "é", "𝄞", "xmlns=\"\"", "xmlns:ds=\"urn:other\"", "ds:", "xml:", "xmlns:xml=\"urn:x\"",
    ];

    public static byte[] CharacterMutation(Random random, byte[] evidence)
    {
        var text = new StringBuilder(Text.Of(evidence));
        for (var n = random.LogUniform(1, 32); n > 0 && text.Length > 0; n--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0: text.Insert(at, random.Pick(Characters)); break;
                case 1:
                    var replaced = random.Pick(Characters);
                    text.Remove(at, Math.Min(replaced.Length, text.Length - at)).Insert(at, replaced);
                    break;
                case 2: text.Remove(at, Math.Min(random.Next(1, 32), text.Length - at)); break;
                default:
                    var length = Math.Min(random.Next(1, 256), text.Length - at);
                    text.Insert(random.Next(text.Length), text.ToString(at, length));
                    break;
            }
        }
        // Lone surrogates cannot be encoded as UTF-8; the encoder writes U+FFFD for them, which is input too.
        return Text.Bytes(text.ToString());
    }

    private static readonly byte[][] InvalidUtf8 =
    [
        [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
        [0xF5], [0xFF], [0xFE], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xEF, 0xBF, 0xBE], [0x00],
    ];

    public static byte[] InvalidUtf8Bytes(Random random, byte[] evidence)
    {
        var bytes = new List<byte>(evidence);
        for (var n = random.LogUniform(1, 16); n > 0; n--) bytes.InsertRange(random.Next(bytes.Count + 1), random.Pick(InvalidUtf8));
        return [.. bytes];
    }

    private static readonly byte[][] Marks = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]];

    private static readonly string[] Declarations =
    [
        "", "<?xml version=\"1.0\"?>", "<?xml version=\"1.1\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "<?xml version=\"1.0\" encoding=\"EBCDIC-US\"?>", "<?xml version=\"1.0\" encoding=\"nonsense\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", "<?xml version=\"2.0\"?>", " <?xml version=\"1.0\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml version=\"1.0\"?>",
    ];

    public static byte[] BomAndEncoding(Random random, byte[] evidence)
    {
        var xml = Text.Of(evidence);
        var body = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..] : xml;
        var declared = random.Pick(Declarations) + body;
        byte[] encoded = random.Next(6) switch
        {
            0 => Encoding.Unicode.GetBytes(declared),
            1 => Encoding.BigEndianUnicode.GetBytes(declared),
            2 => Encoding.UTF32.GetBytes(declared),
            3 => Encoding.Latin1.GetBytes(declared),
            _ => Text.Bytes(declared),
        };
        return random.Next(2) == 0 ? [.. random.Pick(Marks), .. encoded] : encoded;
    }

    public static byte[] RandomBytes(Random random)
    {
        var length = random.LogUniform(1, 256 * 1024);
        if (random.Next(2) == 0)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }
        // Random markup tokens: closer to XML, so deeper into the parser.
        string[] tokens = ["<a>", "</a>", "<b x='1'>", "</b>", "<a/>", "text", "&amp;", "<!--c-->", "<?p?>", "<![CDATA[x]]>", "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">", "</ds:Signature>", " ", "\n", "<!DOCTYPE a>", "&#x41;"];
        var builder = new StringBuilder();
        while (builder.Length < length) builder.Append(random.Pick(tokens));
        return Text.Bytes(builder.ToString());
    }
}
