using System.Xml;

namespace Erds.Evidence.Xml;

/// <summary>The one place that says how untrusted XML is read, shared by loading and validation.</summary>
internal static class HardenedXmlReaderSettings
{
    public static XmlReaderSettings Create(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        // No resolver: nothing referenced by the document (entities, xsi:schemaLocation) is ever fetched.
        XmlResolver = null,
        // 0 would mean "no limit" to XmlReaderSettings; with DTDs prohibited no entity can be declared
        // anyway, so the smallest limit costs nothing. Predefined entities and character references
        // (&amp; &#x41;) do not count against it.
        MaxCharactersFromEntities = 1,
        MaxCharactersInDocument = maxCharacters,
        IgnoreWhitespace = false,
        IgnoreComments = false,
        IgnoreProcessingInstructions = false,
        CloseInput = true,
    };
}
