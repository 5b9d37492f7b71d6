using System.Xml;

namespace Erds.Evidence.Xml;

/// <summary>
/// Loads untrusted bytes (received or stored evidence) into an <see cref="XmlDocument"/> with every
/// XML attack surface closed: no DTD, no resolver, and the size, depth and counts of
/// <see cref="XmlLimits"/> checked while reading. It never reads files or the network.
/// </summary>
public static class SafeXml
{
    /// <summary>The default maximum input size: 1 MiB, more than ten times the largest evidence (<see cref="XmlLimits.MaxBytes"/>).</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>Loads <paramref name="bytes"/> within the default limits, refusing inputs larger than <paramref name="maxBytes"/>.</summary>
    /// <remarks>
    /// Whitespace is preserved exactly (<see cref="XmlDocument.PreserveWhitespace"/> is true), because a
    /// signature over the document covers whitespace text nodes too.
    /// </remarks>
    /// <exception cref="UnsafeXmlException">The input is too large, too deep or too big in another way, has a DTD, or is not well-formed.</exception>
    public static XmlDocument Load(byte[] bytes, int maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        return Load(bytes, XmlLimits.Default with { MaxBytes = maxBytes });
    }

    /// <summary>Loads <paramref name="bytes"/> within the default limits, refusing inputs larger than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="UnsafeXmlException">The input is too large, too deep or too big in another way, has a DTD, or is not well-formed.</exception>
    public static XmlDocument Load(ReadOnlySpan<byte> bytes, int maxBytes = DefaultMaxBytes)
    {
        // The size check comes before the copy so an oversized input costs nothing.
        if (bytes.Length > maxBytes) throw TooLarge(bytes.Length, maxBytes);

        return Load(bytes.ToArray(), maxBytes);
    }

    /// <summary>Loads <paramref name="bytes"/> within <paramref name="limits"/>.</summary>
    /// <remarks>Whitespace is preserved exactly, as a signature over the document covers it.</remarks>
    /// <exception cref="UnsafeXmlException">The input is over a limit, has a DTD, or is not well-formed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limits"/> holds a limit out of range.</exception>
    public static XmlDocument Load(byte[] bytes, XmlLimits limits)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        if (bytes.Length > limits.MaxBytes) throw TooLarge(bytes.Length, limits.MaxBytes);
        MarkupScanner.Check(bytes, limits);

        try
        {
            // A character takes at least one byte, so the byte bound also bounds the characters.
            using var reader = new LimitingXmlReader(
                XmlReader.Create(new MemoryStream(bytes, writable: false), HardenedXmlReaderSettings.Create(limits.MaxBytes)), limits);
            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            document.Load(reader);
            return document;
        }
        catch (XmlException ex)
        {
            throw Refusal(ex, bytes);
        }
        catch (ArgumentException ex)
        {
            // The parser lets some XML declarations through (a version of "1.0" followed by bytes that are
            // not UTF-8) that the document then refuses to hold, with an ArgumentException (found by fuzzing).
            throw new UnsafeXmlException(UnsafeXmlReason.Malformed, $"The XML input is not well-formed: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end, but never more than <see cref="XmlLimits.MaxBytes"/> and one
    /// byte, and loads what it read within <paramref name="limits"/>: a stream that goes on without end (a pipe,
    /// a peer that keeps sending) costs at most the limit.
    /// </summary>
    /// <exception cref="UnsafeXmlException">The input is over a limit, has a DTD, or is not well-formed.</exception>
    /// <exception cref="IOException">The stream failed.</exception>
    public static XmlDocument Load(Stream stream, XmlLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        return Load(ReadBounded(stream, limits.MaxBytes), limits);
    }

    /// <summary>Reads <paramref name="stream"/> to its end, refusing it as soon as it proves longer than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="UnsafeXmlException">The stream holds more than <paramref name="maxBytes"/> bytes.</exception>
    /// <exception cref="IOException">The stream failed.</exception>
    public static byte[] ReadBounded(Stream stream, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
            throw TooLarge(stream.Length - stream.Position, maxBytes);

        var buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                    throw new UnsafeXmlException(UnsafeXmlReason.TooLarge,
                        $"The XML input is more than the allowed {maxBytes} bytes; reading stopped there and it was not parsed.");
                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1L, buffer.Length * 2L));
            }
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0) break;
            length += read;
        }
        return length == buffer.Length ? buffer : buffer[..length];
    }

    private static UnsafeXmlException TooLarge(long length, int maxBytes) => new(UnsafeXmlReason.TooLarge,
        $"The XML input is {length} bytes, more than the allowed {maxBytes}; it was not parsed.");

    /// <summary>Turns the parser's refusal of <paramref name="bytes"/> into the exception callers handle.</summary>
    internal static UnsafeXmlException Refusal(XmlException ex, byte[] bytes) => DoctypeSniffer.HasDoctype(bytes)
        ? new(UnsafeXmlReason.DocumentTypeDeclaration,
            "The XML input has a document type declaration (DTD); DTDs are refused because their entities can read files or the network or expand without bound.", ex)
        : new(UnsafeXmlReason.Malformed, $"The XML input is not well-formed: {ex.Message}", ex);
}
