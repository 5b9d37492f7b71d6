using System.Xml;

namespace Erds.Submission;

// What user-supplied text may contain before it is stored: everything ends up in sealed XML evidence
// or in headers, so characters XML cannot carry and control characters are refused at the door
// rather than discovered when the evidence is sealed.
public static class TextRules
{
    // Free text (subject, reference, refusal reason): no control characters besides tab.
    public static bool IsRecordable(string value) =>
        IsXmlText(value) && !value.Any(c => char.IsControl(c) && c != '\t');

    // Identifiers and schemes: no control characters and no white space at all.
    public static bool IsIdentifier(string value) =>
        value.Length > 0 && IsXmlText(value) && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    private static bool IsXmlText(string value)
    {
        try
        {
            XmlConvert.VerifyXmlChars(value);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
