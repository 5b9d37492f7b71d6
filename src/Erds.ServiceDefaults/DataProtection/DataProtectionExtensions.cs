using Erds.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.ServiceDefaults.DataProtection;

public static class DataProtectionExtensions
{
    // The name every process of the service shares: without it ASP.NET Core isolates keys per content
    // root, and two instances of one deployment could not read each other's protected data.
    public const string ApplicationName = "ErdsService";

    // ASP.NET Core keeps its data-protection keys (antiforgery and the like) in ~/.aspnet by default, in
    // plain text and outside the data directory. Here they live with the other keys, encrypted at rest.
    public static IHostApplicationBuilder AddErdsDataProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DataProtectionKeyOptions>().BindConfiguration(DataProtectionKeyOptions.Section);
        builder.Services.AddSingleton<KeyEncryptionKey>();
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<DataProtectionKeyOptions>, IOptions<StorageOptions>, KeyEncryptionKey, ILoggerFactory>((keys, options, storage, key, logs) =>
            {
                var directory = new DirectoryInfo(options.Value.KeysDirectoryIn(storage.Value));
                keys.XmlRepository = new FileSystemXmlRepository(directory, logs);
                keys.XmlEncryptor = new KeyRingEncryptor(key);
            });
        return builder;
    }
}
