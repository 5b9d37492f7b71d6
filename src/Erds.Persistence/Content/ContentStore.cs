namespace Erds.Persistence.Content;

// Encrypted content on the file system: one directory per message, one file per part. Deleting a
// message's content removes the directory; evidence (in the database) is not touched.
public sealed class ContentStore(string rootDirectory)
{
    public static byte[] NewContentKey() => ContentEncryption.NewKey();

    public EncryptingWriteStream OpenWrite(Guid messageId, int partOrdinal, byte[] contentKey)
    {
        var directory = MessageDirectory(messageId);
        Directory.CreateDirectory(directory);
        var file = new FileStream(PartPath(messageId, partOrdinal), FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        return new EncryptingWriteStream(file, contentKey, messageId, partOrdinal);
    }

    public Stream OpenRead(Guid messageId, int partOrdinal, byte[] contentKey)
    {
        var file = new FileStream(PartPath(messageId, partOrdinal), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        return new DecryptingReadStream(file, contentKey, messageId, partOrdinal);
    }

    public bool Exists(Guid messageId, int partOrdinal) => File.Exists(PartPath(messageId, partOrdinal));

    public void DeleteMessage(Guid messageId)
    {
        var directory = MessageDirectory(messageId);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    private string MessageDirectory(Guid messageId) => Path.Combine(rootDirectory, messageId.ToString("N")[..2], messageId.ToString("N"));

    private string PartPath(Guid messageId, int partOrdinal) => Path.Combine(MessageDirectory(messageId), $"{partOrdinal:D4}.part");
}
