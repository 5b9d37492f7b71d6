namespace Erds.Persistence.Entities;

// The body or one attachment. The bytes live encrypted in content storage; the digest is of the
// exact bytes the sender submitted.
public sealed class MessagePart
{
    public Guid Id { get; init; }
    public Guid MessageId { get; init; }
    public int Ordinal { get; init; }

    // Identifier within the message ("body", "attachment-1", ...), written into PartInfo.
    public required string PartId { get; init; }

    public string? FileName { get; init; }
    public required string ContentType { get; init; }
    public long Length { get; init; }
    public required byte[] Sha256 { get; init; }
}
