using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Erds.Cli.Commands;

// Saves a retrieved message into <out>/<message id>/, a directory of its own: the file names come from
// the sender, so they must reach neither the recipient's other files nor each other. Each part is
// checked against the SHA-256 the provider states for it.
internal static class ContentDownload
{
    // Checked before the request: retrieving is the handover, which should not happen only to fail here.
    public static DirectoryInfo MessageDirectory(DirectoryInfo output, Guid messageId)
    {
        var directory = new DirectoryInfo(Path.Combine(output.FullName, messageId.ToString()));
        if (File.Exists(directory.FullName) || (directory.Exists && directory.EnumerateFileSystemInfos().Any()))
        {
            throw new CliError($"{directory.FullName} already exists and is not empty: the message was saved there before. Move it away or choose another --out.");
        }
        return directory;
    }

    public static async Task SaveAsync(HttpResponseMessage response, DirectoryInfo directory, CancellationToken cancellationToken)
    {
        directory.Create();
        var names = new SafeFileNames();
        var mediaType = MediaTypeHeaderValue.Parse(response.Content.Headers.ContentType!.ToString());
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value!;
        var reader = new MultipartReader(boundary, await response.Content.ReadAsStreamAsync(cancellationToken)) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var partId = section.Headers!["X-Erds-Part-Id"].ToString();
            var expected = section.Headers["X-Erds-Sha256"].ToString();
            var sentAs = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value
                : null;
            var path = Path.Combine(directory.FullName, names.Claim(sentAs, partId + ".txt"));
            var actual = await WriteAsync(section.Body, path, cancellationToken);
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new CliError($"Part {TerminalText.Printable(partId)} arrived with SHA-256 {actual}, the provider stated {TerminalText.Printable(expected)}.");
            }
            var renamed = !string.IsNullOrEmpty(sentAs) && Path.GetFileName(path) != sentAs;
            Console.WriteLine($"{TerminalText.Printable(partId)}\t{path}\tsha256 {actual}" + (renamed ? $"\tsent as \"{TerminalText.Printable(sentAs!)}\"" : ""));
        }
    }

    // Returns the SHA-256 of what was written, in lower-case hex.
    private static async Task<string> WriteAsync(Stream body, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        }
        catch (IOException ex)
        {
            throw new CliError($"Cannot create {path}: {ex.Message}");
        }
        await using (file)
        {
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
