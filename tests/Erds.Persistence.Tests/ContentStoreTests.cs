using System.Security.Cryptography;
using Erds.Persistence.Content;
using Xunit;

namespace Erds.Persistence.Tests;

public sealed class ContentStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "erds-content-" + Guid.NewGuid().ToString("N"));
    private readonly ContentStore _store;
    private readonly byte[] _key = ContentStore.NewContentKey();
    private readonly Guid _messageId = Guid.NewGuid();

    public ContentStoreTests() => _store = new ContentStore(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64 * 1024 - 1)]
    [InlineData(64 * 1024)]
    [InlineData(64 * 1024 + 1)]
    [InlineData(3 * 64 * 1024 + 17)]
    public void Content_of_any_length_reads_back_exactly(int length)
    {
        var data = RandomNumberGenerator.GetBytes(length);
        Write(1, data);
        Assert.Equal(data, Read(1));
    }

    [Fact]
    public void Stored_bytes_are_not_the_plaintext()
    {
        var data = "Dagvaarding in de zaak C/13/123456"u8.ToArray();
        Write(1, data);
        var stored = File.ReadAllBytes(Directory.GetFiles(_root, "*.part", SearchOption.AllDirectories).Single());
        Assert.DoesNotContain("Dagvaarding", System.Text.Encoding.UTF8.GetString(stored));
    }

    [Fact]
    public void A_changed_byte_is_detected()
    {
        Write(1, RandomNumberGenerator.GetBytes(100_000));
        var path = Directory.GetFiles(_root, "*.part", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(path);
        bytes[5000] ^= 1;
        File.WriteAllBytes(path, bytes);
        Assert.Throws<ContentIntegrityException>(() => Read(1));
    }

    [Fact]
    public void Truncation_at_a_segment_boundary_is_detected()
    {
        Write(1, RandomNumberGenerator.GetBytes(3 * 64 * 1024));
        var path = Directory.GetFiles(_root, "*.part", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(8 + 2 * (64 * 1024 + 16))]);
        Assert.Throws<ContentIntegrityException>(() => Read(1));
    }

    [Fact]
    public void A_part_moved_to_another_position_does_not_decrypt()
    {
        Write(1, RandomNumberGenerator.GetBytes(1000));
        var dir = Path.GetDirectoryName(Directory.GetFiles(_root, "*.part", SearchOption.AllDirectories).Single())!;
        File.Copy(Path.Combine(dir, "0001.part"), Path.Combine(dir, "0002.part"));
        Assert.Throws<ContentIntegrityException>(() => Read(2));
    }

    [Fact]
    public void An_unfinished_write_cannot_be_read()
    {
        using (var stream = _store.OpenWrite(_messageId, 1, _key))
        {
            stream.Write(RandomNumberGenerator.GetBytes(200_000));
        }
        Assert.Throws<ContentIntegrityException>(() => Read(1));
    }

    // Once the database says a message was accepted, its content must survive a power cut: the part
    // is on disk, not in the page cache, when Complete() returns.
    [Fact]
    public void Completing_a_part_flushes_it_to_disk()
    {
        Directory.CreateDirectory(_root);
        var file = new DiskFlushRecordingFileStream(Path.Combine(_root, "0001.part"));
        using (var stream = new EncryptingWriteStream(file, _key, _messageId, 1))
        {
            stream.Write(RandomNumberGenerator.GetBytes(100_000));
            stream.Complete();
            Assert.Equal(file.Length, file.LengthFlushedToDisk);
        }
    }

    [Fact]
    public void Another_key_cannot_read()
    {
        Write(1, RandomNumberGenerator.GetBytes(10));
        using var stream = _store.OpenRead(_messageId, 1, ContentStore.NewContentKey());
        Assert.Throws<ContentIntegrityException>(() => stream.ReadByte());
    }

    [Fact]
    public void Wrapped_content_key_unwraps_only_for_its_message_and_master_key()
    {
        var protector = new ContentKeyProtector(RandomNumberGenerator.GetBytes(32));
        var wrapped = protector.Wrap(_key, _messageId);
        Assert.Equal(_key, protector.Unwrap(wrapped, _messageId));
        Assert.Throws<ContentIntegrityException>(() => protector.Unwrap(wrapped, Guid.NewGuid()));
        Assert.Throws<ContentIntegrityException>(() => new ContentKeyProtector(RandomNumberGenerator.GetBytes(32)).Unwrap(wrapped, _messageId));
    }

    [Fact]
    public void Deleting_a_message_removes_its_content()
    {
        Write(1, [1, 2, 3]);
        _store.DeleteMessage(_messageId);
        Assert.False(_store.Exists(_messageId, 1));
    }

    private void Write(int ordinal, byte[] data)
    {
        using var stream = _store.OpenWrite(_messageId, ordinal, _key);
        // Uneven chunks exercise the segment buffering.
        for (var offset = 0; offset < data.Length; offset += 7919)
        {
            stream.Write(data, offset, Math.Min(7919, data.Length - offset));
        }
        stream.Complete();
    }

    private byte[] Read(int ordinal)
    {
        using var stream = _store.OpenRead(_messageId, ordinal, _key);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed class DiskFlushRecordingFileStream(string path) : FileStream(path, FileMode.CreateNew, FileAccess.Write)
    {
        public long LengthFlushedToDisk { get; private set; } = -1;

        public override void Flush(bool flushToDisk)
        {
            base.Flush(flushToDisk);
            if (flushToDisk) LengthFlushedToDisk = Length;
        }
    }
}
