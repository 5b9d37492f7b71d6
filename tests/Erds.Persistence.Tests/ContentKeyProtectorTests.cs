using System.Runtime.Versioning;
using System.Security.Cryptography;
using Erds.Persistence.Content;
using Xunit;

namespace Erds.Persistence.Tests;

public sealed class ContentKeyProtectorTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "erds-keys-" + Guid.NewGuid().ToString("N"));
    private readonly Guid _messageId = Guid.NewGuid();

    private string KeyPath => Path.Combine(_directory, "content-master.key");

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_master_key_file_is_readable_and_writable_by_its_owner_only()
    {
        ContentKeyProtector.LoadOrCreate(KeyPath);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
    }

    [Fact]
    public void Creating_the_master_key_leaves_no_temporary_file()
    {
        ContentKeyProtector.LoadOrCreate(KeyPath);
        Assert.Equal([KeyPath], Directory.GetFileSystemEntries(_directory));
        Assert.Equal(32, new FileInfo(KeyPath).Length);
    }

    [Fact]
    public void An_existing_master_key_is_loaded_not_replaced()
    {
        var first = ContentKeyProtector.LoadOrCreate(KeyPath);
        var wrapped = first.Wrap(ContentStore.NewContentKey(), _messageId);
        var second = ContentKeyProtector.LoadOrCreate(KeyPath);
        second.Unwrap(wrapped, _messageId);
    }

    // Several processes starting on a fresh data directory at once must all end up with the same key,
    // never with another's half-written file or with a key that another then replaces. A race is caught
    // by chance, so many rounds: with a check-then-rename move, most runs fail.
    [Fact]
    public void Concurrent_first_starts_agree_on_one_master_key()
    {
        const int Starters = 8;
        for (var round = 0; round < 100; round++)
        {
            var path = Path.Combine(_directory, $"round-{round}", "content-master.key");
            var protectors = new ContentKeyProtector[Starters];
            var errors = new List<Exception>();
            using var start = new Barrier(Starters);
            var threads = Enumerable.Range(0, Starters).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try { protectors[i] = ContentKeyProtector.LoadOrCreate(path); }
                catch (Exception ex) { lock (errors) errors.Add(ex); }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.Empty(errors);
            var wrapped = protectors[0].Wrap(ContentStore.NewContentKey(), _messageId);
            Assert.All(protectors, protector => protector.Unwrap(wrapped, _messageId));
            Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(path)!));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void A_master_key_file_of_the_wrong_length_fails_naming_its_path(int length)
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllBytes(KeyPath, new byte[length]);
        var error = Assert.Throws<InvalidDataException>(() => ContentKeyProtector.LoadOrCreate(KeyPath));
        Assert.Contains(KeyPath, error.Message);
    }

    [Fact]
    public void A_wrapped_content_key_starts_with_format_version_1()
    {
        var wrapped = new ContentKeyProtector(RandomNumberGenerator.GetBytes(32)).Wrap(ContentStore.NewContentKey(), _messageId);
        Assert.Equal(1, wrapped[0]);
        Assert.Equal(1 + 12 + 32 + 16, wrapped.Length);
    }

    [Fact]
    public void A_wrapped_content_key_of_an_unknown_version_is_rejected()
    {
        var protector = new ContentKeyProtector(RandomNumberGenerator.GetBytes(32));
        var wrapped = protector.Wrap(ContentStore.NewContentKey(), _messageId);
        wrapped[0] = 2;
        var error = Assert.Throws<ContentIntegrityException>(() => protector.Unwrap(wrapped, _messageId));
        Assert.Contains("version 2", error.Message);
    }
}
