using System.Globalization;
using System.Text;

namespace Erds.Cli.Fuzz.Submissions;

// JSON written by hand, as raw text, so that it can say what a serializer never would: unpaired
// surrogates as \uD800, raw control characters, duplicate keys, the wrong type anywhere.
internal static class Json
{
    public static string Str(string value, bool escapeAll = false)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c == '"') builder.Append("\\\"");
            else if (c == '\\') builder.Append("\\\\");
            else if (c < ' ' || char.IsSurrogate(c) || (escapeAll && c > '~')) builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else builder.Append(c);
        }
        return builder.Append('"').ToString();
    }

    // A string whose characters go into the JSON as they are, control characters and all (invalid JSON
    // for those below U+0020).
    public static string RawStr(string value) => "\"" + value + "\"";

    public static string Array(IEnumerable<string> items) => "[" + string.Join(",", items) + "]";

    public static string Object(params (string Key, string Raw)[] members) =>
        "{" + string.Join(",", members.Select(m => Str(m.Key) + ":" + m.Raw)) + "}";

    public static string Recipient(string identifier, string scheme = "mailto") =>
        Object(("identifier", Str(identifier)), ("scheme", Str(scheme)));
}
