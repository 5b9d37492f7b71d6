namespace Erds.Cli.Fuzz;

// One hostile input: which kind of attack made it, its number in the seeded run (so that it can be made
// again), the bytes, and revocation data (CRLs, OCSP responses) when the attack is on that too.
internal sealed record FuzzInput(int Index, string Kind, byte[] Xml, IReadOnlyList<byte[]>? Crls = null, IReadOnlyList<byte[]>? OcspResponses = null);
