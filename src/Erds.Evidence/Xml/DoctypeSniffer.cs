using System.Text;
using System.Text.RegularExpressions;

namespace Erds.Evidence.Xml;

/// <summary>
/// Tells, after the parser refused an input, whether the refusal was for a DTD, so the caller gets the
/// right reason. The parser's own message is localisable and carries no position for this case, so
/// the prolog is looked at lexically; nothing here decides whether input is accepted.
/// </summary>
internal static class DoctypeSniffer
{
    // Linear-time engine: the input is hostile by assumption.
    private static readonly Regex DoctypeInProlog = new(
        @"\A\uFEFF?(?:\s|<\?.*?\?>|<!--.*?-->)*<!DOCTYPE",
        RegexOptions.Singleline | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    public static bool HasDoctype(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return DoctypeInProlog.IsMatch(reader.ReadToEnd());
    }
}
