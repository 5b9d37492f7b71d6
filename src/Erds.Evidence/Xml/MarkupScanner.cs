using System.Text;

namespace Erds.Evidence.Xml;

/// <summary>
/// A lexical pass over the raw input before the parser sees it, for the two limits the parser cannot be
/// stopped at in time: it reads a whole start tag (every attribute, with its name) before handing over the
/// element, so 200,000 attributes or a name of megabytes would be in memory before <see cref="LimitingXmlReader"/>
/// could count them. This pass only refuses; whatever it lets through, the parser and the limiting reader
/// still judge in full.
/// </summary>
/// <remarks>
/// Markup characters are ASCII, and in UTF-8 no byte of a multi-byte character is below 0x80, so the bytes
/// can be scanned as they are. Input in another encoding (a UTF-16 or UTF-32 byte order mark, or zero bytes
/// at the start) is converted to UTF-8 for the scan first.
/// </remarks>
internal static class MarkupScanner
{
    /// <exception cref="UnsafeXmlException">A start tag has too many attributes, or a name is too long.</exception>
    public static void Check(byte[] input, XmlLimits limits)
    {
        var bytes = WideEncoding(input) is var (encoding, mark) ? Encoding.UTF8.GetBytes(encoding.GetString(input, mark, input.Length - mark)) : input;
        var i = 0;
        while ((i = Array.IndexOf(bytes, (byte)'<', i)) >= 0)
        {
            if (StartsWith(bytes, i, "<!--")) i = After(bytes, i + 4, "-->"u8);
            else if (StartsWith(bytes, i, "<![CDATA[")) i = After(bytes, i + 9, "]]>"u8);
            else if (StartsWith(bytes, i, "<?")) i = ProcessingInstruction(bytes, i + 2, limits);
            else if (StartsWith(bytes, i, "<!") || StartsWith(bytes, i, "</")) i = After(bytes, i + 2, ">"u8);
            else i = StartTag(bytes, i + 1, limits);
        }
    }

    private static int StartTag(byte[] bytes, int i, XmlLimits limits)
    {
        i = Name(bytes, i, limits, "an element");
        var attributes = 0;
        while (true)
        {
            i = SkipSpace(bytes, i);
            if (i >= bytes.Length || bytes[i] is (byte)'>' or (byte)'/' or (byte)'<') return i;
            var afterName = Name(bytes, i, limits, "an attribute");
            if (afterName == i) return i + 1;
            i = SkipSpace(bytes, afterName);
            if (i >= bytes.Length || bytes[i] != '=') return i;
            i = SkipSpace(bytes, i + 1);
            if (i >= bytes.Length || bytes[i] is not ((byte)'"' or (byte)'\'')) return i;
            var end = Array.IndexOf(bytes, bytes[i], i + 1);
            if (end < 0) return bytes.Length;
            if (++attributes > limits.MaxAttributesPerElement)
                throw Refuse(UnsafeXmlReason.TooManyAttributes, $"has an element with more than {limits.MaxAttributesPerElement} attributes", i);
            i = end + 1;
        }
    }

    private static int ProcessingInstruction(byte[] bytes, int i, XmlLimits limits)
    {
        Name(bytes, i, limits, "a processing instruction");
        return After(bytes, i, "?>"u8);
    }

    // The end of the name starting at i; refuses a name longer than the limit as soon as it is.
    private static int Name(byte[] bytes, int i, XmlLimits limits, string owner)
    {
        var start = i;
        var characters = 0;
        for (; i < bytes.Length && !IsDelimiter(bytes[i]); i++)
        {
            // Count characters, not bytes: continuation bytes of UTF-8 (10xxxxxx) do not start one.
            if ((bytes[i] & 0xC0) != 0x80 && ++characters > limits.MaxNameLength)
                throw Refuse(UnsafeXmlReason.NameTooLong, $"has {owner} name longer than the allowed {limits.MaxNameLength} characters", start);
        }
        return i;
    }

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'=' or (byte)'>' or (byte)'/' or (byte)'<' or (byte)'"' or (byte)'\'' or (byte)'?';

    private static int SkipSpace(byte[] bytes, int i)
    {
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i;
    }

    private static bool StartsWith(byte[] bytes, int i, string ascii)
    {
        if (i + ascii.Length > bytes.Length) return false;
        for (var k = 0; k < ascii.Length; k++)
        {
            if (bytes[i + k] != ascii[k]) return false;
        }
        return true;
    }

    private static int After(byte[] bytes, int i, ReadOnlySpan<byte> end)
    {
        var at = bytes.AsSpan(Math.Min(i, bytes.Length)).IndexOf(end);
        return at < 0 ? bytes.Length : i + at + end.Length;
    }

    // The encodings a parser recognises by their first bytes (XML 1.0 appendix F), other than UTF-8;
    // with the length of the byte order mark to skip.
    private static (Encoding Encoding, int Mark)? WideEncoding(byte[] b) => b switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [0x00, 0x00, 0x00, 0x3C, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 0),
        [0x3C, 0x00, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 0),
        [0x00, 0x3C, ..] => (Encoding.BigEndianUnicode, 0),
        [0x3C, 0x00, ..] => (Encoding.Unicode, 0),
        _ => null,
    };

    private static UnsafeXmlException Refuse(UnsafeXmlReason reason, string what, int at) =>
        new(reason, $"The XML input {what} (near byte {at}); it was refused before being parsed.");
}
