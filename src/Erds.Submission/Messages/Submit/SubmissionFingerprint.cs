using System.Security.Cryptography;
using System.Text;

namespace Erds.Submission.Messages.Submit;

// Identifies a submission independently of multipart framing (boundaries differ between retries):
// the metadata bytes and, per part, its name, type, length and digest, plus where reading stopped
// when it stopped early. A retry that sends the same thing gets the same fingerprint.
public sealed class SubmissionFingerprint : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void AddMetadata(byte[] rawJson)
    {
        Add("metadata");
        Add(Convert.ToHexString(SHA256.HashData(rawJson)));
    }

    public void AddPart(StoredPart stored) =>
        Add($"part|{stored.Part.PartId}|{stored.Part.FileName}|{stored.Part.ContentType}|{stored.Length}|{Convert.ToHexString(stored.Sha256)}");

    public void AddStop(string reason) => Add("stop|" + reason);

    public byte[] Complete() => _hash.GetHashAndReset();

    private void Add(string field)
    {
        _hash.AppendData(Encoding.UTF8.GetBytes(field));
        _hash.AppendData([0]);
    }

    public void Dispose() => _hash.Dispose();
}
