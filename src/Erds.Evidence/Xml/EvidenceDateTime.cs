using System.Globalization;
using System.Xml;

namespace Erds.Evidence.Xml;

/// <summary>Writes and reads the xs:dateTime values of evidence.</summary>
internal static class EvidenceDateTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(EvidenceXml.DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads any xs:dateTime that states its time zone. One without a zone names no instant, which evidence
    /// must; it is refused rather than guessed as local or UTC.
    /// </summary>
    public static DateTimeOffset Parse(string text, string elementName)
    {
        if (!text.Contains('T', StringComparison.Ordinal) || !HasTimeZone(text))
        {
            throw new EvidenceFormatException($"{elementName} '{text}' is not an xs:dateTime with a time zone.");
        }

        try
        {
            return XmlConvert.ToDateTimeOffset(text).ToUniversalTime();
        }
        catch (FormatException ex)
        {
            throw new EvidenceFormatException($"{elementName} '{text}' is not an xs:dateTime.", ex);
        }
    }

    private static bool HasTimeZone(string text) =>
        text.EndsWith('Z') || (text.Length >= 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
