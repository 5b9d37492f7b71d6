namespace Erds.Persistence;

// Fits free text into a column of limited length, cutting the end off. For text whose end may be
// lost (a machine name, a recipient's refusal reason), never for identifiers.
public static class TextTruncation
{
    public static string Truncate(this string value, int maxLength) => value.Length <= maxLength ? value : value[..maxLength];
}
