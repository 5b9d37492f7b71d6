namespace Erds.Contracts;

/// <summary>
/// The correlation id that follows one piece of work (a request to the API and every bus message it
/// causes) through all services and their logs. It travels in the <see cref="Header"/> header, on
/// HTTP requests and responses and on bus messages alike.
/// </summary>
public static class Correlation
{
    /// <summary>The header that carries the correlation id.</summary>
    public const string Header = "X-Correlation-Id";

    /// <summary>The longest correlation id accepted; a GUID or a W3C trace parent fits.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// Whether a value may serve as correlation id: 1 to <see cref="MaxLength"/> ASCII letters,
    /// digits, '-', '_', '.' or ':'. Anything else (spaces, control characters, quotes) is refused,
    /// because the value is copied into every log line and into the outbox as it is.
    /// </summary>
    public static bool IsWellFormed(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
