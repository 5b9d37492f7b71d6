using System.Text;

namespace Erds.Cli.Fuzz.Submissions;

// A submission being made: a valid one first (ValidSubmission), which a kind of attack then changes
// anywhere, from the metadata's members to the bytes between the parts, before it is written out.
internal sealed class Draft
{
    public Metadata Metadata { get; } = new();

    // Raw bytes of the metadata part instead of Metadata (invalid JSON, invalid UTF-8, a BOM...).
    public byte[]? MetadataBytes { get; set; }

    public List<RawPart> Parts { get; } = [];
    public required string Boundary { get; set; }

    // The request's Content-Type; null omits the header.
    public string? ContentType { get; set; }
    public string Newline { get; set; } = "\r\n";
    public byte[] Preamble { get; set; } = [];
    public byte[] Epilogue { get; set; } = [];
    public bool CloseDelimiter { get; set; } = true;

    public string? IdempotencyKey { get; set; }
    public string? Authorization { get; set; }
    public List<KeyValuePair<string, string>> ExtraHeaders { get; } = [];

    // Applied to the finished body (truncation, byte mutations).
    public Func<byte[], byte[]>? Finish { get; set; }

    public RawPart MetadataPart => Parts.First(p => p.IsMetadata);

    public byte[] MetadataJson() => MetadataBytes ?? Wtf8.Bytes(Metadata.Text());

    public byte[] Body()
    {
        using var output = new MemoryStream();
        var newline = Encoding.ASCII.GetBytes(Newline);
        var delimiter = Wtf8.Bytes("--" + Boundary);
        output.Write(Preamble);
        foreach (var part in Parts)
        {
            output.Write(delimiter);
            output.Write(newline);
            foreach (var header in part.Headers)
            {
                output.Write(header);
                output.Write(newline);
            }
            output.Write(newline);
            output.Write(part.IsMetadata ? MetadataJson() : part.Body);
            output.Write(newline);
        }
        if (CloseDelimiter)
        {
            output.Write(delimiter);
            output.Write("--"u8);
            output.Write(newline);
        }
        output.Write(Epilogue);
        var body = output.ToArray();
        return Finish is null ? body : Finish(body);
    }

    public FuzzRequest ToRequest()
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (Authorization is not null) headers.Add(new("Authorization", Authorization));
        if (IdempotencyKey is not null) headers.Add(new("Idempotency-Key", IdempotencyKey));
        headers.AddRange(ExtraHeaders);
        return new FuzzRequest(Body(), ContentType, headers);
    }
}
