using System.Xml.Linq;
using Erds.Host.Tests.Support;
using Erds.Persistence;
using Erds.ServiceDefaults.DataProtection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Erds.Host.Tests;

// ASP.NET Core's data-protection keys live in the data directory, encrypted at rest, and are shared by
// every process on that directory; nothing is written to the account's home (~/.aspnet).
public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task The_host_keeps_its_data_protection_keys_encrypted_in_the_data_directory_and_nothing_in_home()
    {
        var home = Path.Combine(Path.GetTempPath(), "erds-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        try
        {
            await using var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["HOME"] = home });

            Assert.False(Directory.Exists(Path.Combine(home, ".aspnet")), "keys were written under ~/.aspnet");
            var keyFiles = Directory.GetFiles(Path.Combine(host.DataDirectory, "keys", "data-protection"), "key-*.xml");
            Assert.NotEmpty(keyFiles);
            var encryptionKey = Path.Combine(host.DataDirectory, "keys", "data-protection.key");
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(encryptionKey));
            foreach (var file in keyFiles)
            {
                var key = XDocument.Load(file);
                // ASP.NET Core writes the secret as <masterKey><value>base64</value></masterKey> when nothing encrypts it.
                Assert.Empty(key.Descendants("value"));
                Assert.Empty(key.Descendants("masterKey"));
                var encrypted = Assert.Single(key.Descendants(KeyRingEncryptor.Encrypted));
                // What it encrypts is the master key, readable with the key-encryption key of the data directory.
                var decrypted = new KeyRingDecryptor(KeyServices(host.DataDirectory)).Decrypt(encrypted);
                Assert.Equal("masterKey", decrypted.Name.LocalName);
                Assert.Contains(decrypted.Descendants(), e => e.Name.LocalName == "value" && e.Value.Length >= 40);
            }
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task Two_processes_on_one_data_directory_share_the_key_ring()
    {
        await using var first = new TestProvider();
        await using var second = new TestProvider { DataDirectory = first.DataDirectory };
        _ = first.Server;
        _ = second.Server;

        var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("erds-test").Protect("shared secret");

        Assert.Equal("shared secret", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("erds-test").Unprotect(payload));
    }

    private static ServiceProvider KeyServices(string dataDirectory)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(new DataProtectionKeyOptions()));
        services.AddSingleton(Options.Create(new StorageOptions { DataDirectory = dataDirectory }));
        services.AddSingleton<KeyEncryptionKey>();
        return services.BuildServiceProvider();
    }
}
