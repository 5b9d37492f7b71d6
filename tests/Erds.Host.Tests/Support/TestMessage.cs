using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Erds.Host.Tests.Support;

// Builds a submission request the way a court's system would send it.
public sealed record TestMessage
{
    public string From { get; init; } = "";
    public List<string> To { get; init; } = [];
    public string? Subject { get; init; } = "Dagvaarding C/13/123456";
    public string? Reference { get; init; } = "C/13/123456";
    public string Mode { get; init; } = "basic";
    public DateTimeOffset? ExpiresAt { get; init; }
    public byte[]? Body { get; init; } = "Geachte heer, mevrouw, bijgaand de dagvaarding."u8.ToArray();
    public List<(string FileName, string ContentType, byte[] Bytes)> Attachments { get; init; } = [];

    public static TestMessage Between(Party from, Party to) => new()
    {
        From = from.Mailbox,
        To = [to.Mailbox],
        Attachments =
        [
            ("dagvaarding.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.7 dagvaarding " + Guid.NewGuid())),
            ("bijlage.xml", "application/xml", Encoding.UTF8.GetBytes($"<bijlage id=\"{Guid.NewGuid()}\"/>")),
        ],
    };

    public string MetadataJson() => JsonSerializer.Serialize(new
    {
        from = From,
        recipients = To.Select(t => new { identifier = t, scheme = "mailto" }),
        subject = Subject,
        senderReference = Reference,
        consignmentMode = Mode,
        expiresAt = ExpiresAt,
    });

    public MultipartFormDataContent ToContent(string? metadataOverride = null)
    {
        var content = new MultipartFormDataContent();
        content.Add(new StringContent(metadataOverride ?? MetadataJson(), Encoding.UTF8, "application/json"), "metadata");
        if (Body is not null) content.Add(Part(Body, "text/plain"), "body", "body.txt");
        foreach (var (name, type, bytes) in Attachments) content.Add(Part(bytes, type), "attachment", name);
        return content;
    }

    private static ByteArrayContent Part(byte[] bytes, string type)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        return part;
    }
}
