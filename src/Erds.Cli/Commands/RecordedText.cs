using Erds.Evidence.Xml;

namespace Erds.Cli.Commands;

// What an operator registers (names, addresses, identifiers) is written into sealed evidence and shown
// to people: the same gate as the API's door, so that no registration can make evidence unsealable.
internal static class RecordedText
{
    public static string Require(string value, string what)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) throw new CliError($"{what} is empty.");
        return EvidenceText.Problem(trimmed) is { } problem ? throw new CliError($"{what} {problem}, which cannot be recorded.") : trimmed;
    }

    public static string? Optional(string? value, string what) => value is null ? null : Require(value, what);
}
