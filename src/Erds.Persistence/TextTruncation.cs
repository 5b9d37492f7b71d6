namespace Erds.Persistence;

// Fits free text into a column of limited length, cutting the end off, never inside a surrogate
// pair (half a character is text XML cannot carry). For text whose end may be lost (a machine name,
// a recipient's refusal reason, a long file name), never for identifiers.
public static class TextTruncation
{
    public static string Truncate(this string value, int maxLength)
    {
        if (value.Length <= maxLength) return value;
        var end = maxLength > 0 && char.IsHighSurrogate(value[maxLength - 1]) && char.IsLowSurrogate(value[maxLength]) ? maxLength - 1 : maxLength;
        return value[..end];
    }
}
