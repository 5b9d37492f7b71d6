using System.CommandLine;
using Erds.Persistence;

namespace Erds.Cli.Commands;

internal static class CommonOptions
{
    public static Option<string> DataDirectory() => new("--data-dir")
    {
        Description = "The provider's data directory (default: $ERDS_DATA_DIR or ~/.local/share/erds).",
        DefaultValueFactory = _ => StorageOptions.DefaultDataDirectory(),
    };

    public static Option<Uri> Server() => UriOption("--server", "Base URL of the provider (default: $ERDS_SERVER or http://127.0.0.1:5080).",
        "ERDS_SERVER", "http://127.0.0.1:5080", "http", "https");

    // System.CommandLine has no parser for Uri; an absolute URL of the given schemes is required.
    public static Option<Uri> UriOption(string name, string description, string environmentVariable, string fallback, params string[] schemes) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } s ? s : fallback),
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme)) return uri;
            result.AddError($"{name}: '{text}' is not an absolute {string.Join(" or ", schemes)} URL.");
            return null;
        },
    };

    public static Option<string> Token() => new("--token")
    {
        Description = "API token (default: $ERDS_TOKEN).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ERDS_TOKEN") ?? "",
    };

    public static Option<string?> Mailbox() => new("--mailbox")
    {
        Description = "Which of your mailboxes you act for, when several are recipients of the message.",
    };
}
