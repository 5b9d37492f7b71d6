using System.Xml;

namespace Erds.Evidence.Xml;

/// <summary>
/// Loads untrusted bytes (received or stored evidence) into an <see cref="XmlDocument"/> with every
/// XML attack surface closed: no DTD, no resolver, bounded size. It never reads files or the network.
/// </summary>
public static class SafeXml
{
    /// <summary>The default maximum input size: 4 MiB, far above any evidence document.</summary>
    public const int DefaultMaxBytes = 4 * 1024 * 1024;

    /// <summary>Loads <paramref name="bytes"/>, refusing inputs larger than <paramref name="maxBytes"/>.</summary>
    /// <remarks>
    /// Whitespace is preserved exactly (<see cref="XmlDocument.PreserveWhitespace"/> is true), because a
    /// signature over the document covers whitespace text nodes too.
    /// </remarks>
    /// <exception cref="UnsafeXmlException">The input is too large, has a DTD, or is not well-formed.</exception>
    public static XmlDocument Load(byte[] bytes, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (bytes.Length > maxBytes) throw TooLarge(bytes.Length, maxBytes);

        try
        {
            // A character takes at least one byte, so the byte bound also bounds the characters.
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), HardenedXmlReaderSettings.Create(maxBytes));
            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            document.Load(reader);
            return document;
        }
        catch (XmlException ex)
        {
            throw Refusal(ex, bytes);
        }
    }

    /// <summary>Loads <paramref name="bytes"/>, refusing inputs larger than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="UnsafeXmlException">The input is too large, has a DTD, or is not well-formed.</exception>
    public static XmlDocument Load(ReadOnlySpan<byte> bytes, int maxBytes = DefaultMaxBytes)
    {
        // The size check comes before the copy so an oversized input costs nothing.
        if (bytes.Length > maxBytes) throw TooLarge(bytes.Length, maxBytes);

        return Load(bytes.ToArray(), maxBytes);
    }

    private static UnsafeXmlException TooLarge(int length, int maxBytes) => new(UnsafeXmlReason.TooLarge,
        $"The XML input is {length} bytes, more than the allowed {maxBytes}; it was not parsed.");

    /// <summary>Turns the parser's refusal of <paramref name="bytes"/> into the exception callers handle.</summary>
    internal static UnsafeXmlException Refusal(XmlException ex, byte[] bytes) => DoctypeSniffer.HasDoctype(bytes)
        ? new(UnsafeXmlReason.DocumentTypeDeclaration,
            "The XML input has a document type declaration (DTD); DTDs are refused because their entities can read files or the network or expand without bound.", ex)
        : new(UnsafeXmlReason.Malformed, $"The XML input is not well-formed: {ex.Message}", ex);
}
