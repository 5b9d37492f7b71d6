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

    public static Option<Uri> Server() => new("--server")
    {
        Description = "Base URL of the provider (default: $ERDS_SERVER or http://127.0.0.1:5080).",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("ERDS_SERVER") is { Length: > 0 } s ? s : "http://127.0.0.1:5080"),
        // System.CommandLine has no converter for Uri: without this, an explicit --server fails to parse.
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
            result.AddError($"'{text}' is not an http(s) URL.");
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
