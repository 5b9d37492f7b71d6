namespace Erds.Persistence.Entities;

// What an API token may do. Every endpoint of the API requires exactly one of these.
public static class ApiScopes
{
    // Submit messages and follow the organisation's own sent messages (list, status).
    public const string Send = "send";

    // The inbox: list and read messages addressed to the organisation, accept, refuse, retrieve content.
    public const string Receive = "receive";

    // Read evidence, as sender or as recipient.
    public const string Evidence = "evidence";

    // The organisation's administration: its access log.
    public const string Administer = "administer";

    public static readonly IReadOnlyList<string> All = [Send, Receive, Evidence, Administer];

    // Given to tokens issued before scopes existed: everything the API offered then, so they keep
    // working exactly as they did. The access log (administer) did not exist; it needs a new token.
    public const string Legacy = "send receive evidence";

    // What `erds token issue` gives without --scopes: the work of a sending and receiving system.
    // administer is never implied; it is asked for by name.
    public const string Default = "send receive evidence";

    public static IReadOnlyList<string> Split(string scopes) =>
        scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Lower-case, known, each once, in the order of All; null (with the reason) otherwise.
    public static string? Normalize(string scopes, out string? error)
    {
        var given = Split(scopes).Select(s => s.ToLowerInvariant()).ToList();
        var unknown = given.Except(All).ToList();
        error = unknown.Count > 0 ? $"unknown scope(s) {string.Join(", ", unknown)}: use {string.Join(", ", All)}"
            : given.Count == 0 ? $"no scope: use one or more of {string.Join(", ", All)}"
            : null;
        return error is null ? string.Join(' ', All.Where(given.Contains)) : null;
    }
}
