namespace Erds.Persistence.Entities;

// The first answer to a submission with a given Idempotency-Key, replayed on retries.
public sealed class IdempotencyRecord
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Key { get; init; }

    // Fingerprint of the request (metadata and the digest of every part), so a different body
    // under the same key is recognised.
    public required byte[] RequestFingerprint { get; init; }

    public int StatusCode { get; init; }
    public required string ResponseBody { get; init; }
    public string? Location { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
