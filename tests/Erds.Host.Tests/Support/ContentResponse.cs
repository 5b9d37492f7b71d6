using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Erds.Host.Tests.Support;

public sealed record RetrievedPart(string PartId, string? FileName, string ContentType, string StatedSha256, byte[] Bytes)
{
    public string ActualSha256 => Convert.ToHexStringLower(SHA256.HashData(Bytes));
}

public static class ContentResponse
{
    public static async Task<List<RetrievedPart>> ReadAsync(HttpResponseMessage response)
    {
        var mediaType = MediaTypeHeaderValue.Parse(response.Content.Headers.ContentType!.ToString());
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value!, await response.Content.ReadAsStreamAsync());
        var parts = new List<RetrievedPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer);
            ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
            parts.Add(new RetrievedPart(section.Headers!["X-Erds-Part-Id"].ToString(),
                disposition is null ? null : HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value,
                section.ContentType!, section.Headers["X-Erds-Sha256"].ToString(), buffer.ToArray()));
        }
        return parts;
    }
}
