namespace Erds.Cli.Fuzz.Submissions;

// One HTTP request exactly as it goes on the wire: the raw body, the request's Content-Type (null: none
// at all) and every other header, Authorization and Idempotency-Key among them.
internal sealed record FuzzRequest(byte[] Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers);
