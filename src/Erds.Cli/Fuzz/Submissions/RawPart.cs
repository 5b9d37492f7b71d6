using System.Text;

namespace Erds.Cli.Fuzz.Submissions;

// One part of the multipart body: header lines as bytes (so that they can hold anything) and the content.
// The metadata part's content is the draft's metadata, written when the draft is.
internal sealed class RawPart
{
    public List<byte[]> Headers { get; } = [];
    public byte[] Body { get; set; } = [];
    public bool IsMetadata { get; init; }

    public static RawPart Of(string disposition, string? contentType, byte[] body)
    {
        var part = new RawPart { Body = body };
        part.Header("Content-Disposition: " + disposition);
        if (contentType is not null) part.Header("Content-Type: " + contentType);
        return part;
    }

    public void Header(string line) => Headers.Add(Wtf8.Bytes(line));

    // Replaces the first header of that name (or adds it) with a line in raw bytes.
    public void Replace(string name, byte[] line)
    {
        var at = Headers.FindIndex(h => Encoding.Latin1.GetString(h).StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        if (at >= 0) Headers[at] = line;
        else Headers.Add(line);
    }

    public void Replace(string name, string line) => Replace(name, Wtf8.Bytes(line));

    public void Remove(string name) =>
        Headers.RemoveAll(h => Encoding.Latin1.GetString(h).StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
}
