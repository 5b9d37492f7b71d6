using System.Security.Cryptography;

namespace Erds.Evidence.Verification;

/// <summary>A file an auditor holds and wants to match against the parts an evidence binds.</summary>
/// <param name="Name">How to name it in the report (e.g. the file name).</param>
/// <param name="Sha256">Its SHA-256 digest.</param>
public sealed record ContentCandidate(string Name, byte[] Sha256)
{
    /// <summary>Hashes a stream, reading it once to the end.</summary>
    public static ContentCandidate FromStream(string name, Stream content) => new(name, SHA256.HashData(content));
}
