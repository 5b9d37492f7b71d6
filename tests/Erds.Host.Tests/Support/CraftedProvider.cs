using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Erds.Host.Tests.Support;

// A provider that serves any message content with the file names a test chooses, as another provider
// or a compromised one might: our own provider refuses such names, so only this reaches the command
// line's own defences.
public sealed class CraftedProvider : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CraftedProvider(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.Single());

    public static async Task<CraftedProvider> StartAsync(params (string FileName, byte[] Bytes)[] parts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/api/v1/inbox/{messageId:guid}/content", (HttpContext context) => WriteAsync(context.Response, parts));
        await app.StartAsync();
        return new CraftedProvider(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task WriteAsync(HttpResponse response, (string FileName, byte[] Bytes)[] parts)
    {
        const string boundary = "crafted";
        response.ContentType = $"multipart/mixed; boundary=\"{boundary}\"";
        var body = new MemoryStream();
        for (var i = 0; i < parts.Length; i++)
        {
            var (fileName, bytes) = parts[i];
            // RFC 5987 encoding carries any character, controls included, through the header.
            var headers = $"--{boundary}\r\nContent-Type: application/octet-stream\r\nX-Erds-Part-Id: attachment-{i + 1}\r\n"
                + $"X-Erds-Sha256: {Convert.ToHexStringLower(SHA256.HashData(bytes))}\r\n"
                + $"Content-Disposition: attachment; filename*=UTF-8''{Uri.EscapeDataString(fileName)}\r\n\r\n";
            body.Write(Encoding.ASCII.GetBytes(headers));
            body.Write(bytes);
            body.Write("\r\n"u8);
        }
        body.Write(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        await response.Body.WriteAsync(body.ToArray());
    }
}
