using Microsoft.AspNetCore.StaticFiles;

namespace Erds.Cli.Api;

internal static class MediaTypes
{
    private static readonly FileExtensionContentTypeProvider Provider = new();

    public static string Guess(string fileName) =>
        Provider.TryGetContentType(fileName, out var type) ? type : "application/octet-stream";
}
