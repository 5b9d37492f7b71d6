using Erds.Persistence.Cleanup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Erds.Persistence.Tests;

// Retention settings that would let a redelivery through, or delete nothing ever, stop the start.
public sealed class OutboxInboxCleanupOptionsTests
{
    [Fact]
    public async Task The_defaults_start()
    {
        using var host = Build([]);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var options = host.Services.GetRequiredService<IOptions<OutboxInboxCleanupOptions>>().Value;
        Assert.True(options.InboxRetention >= options.SentOutboxRetention);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("SentOutboxRetention", "00:00:00", "SentOutboxRetention must be positive")]
    [InlineData("InboxRetention", "-1.00:00:00", "InboxRetention must be positive")]
    [InlineData("InboxRetention", "6.00:00:00", "InboxRetention must be at least Erds:Cleanup:SentOutboxRetention")]
    [InlineData("BatchSize", "0", "BatchSize must be positive")]
    public async Task A_start_with_invalid_retention_settings_fails_with_the_reason(string key, string value, string reason)
    {
        using var host = Build(new() { [$"{OutboxInboxCleanupOptions.Section}:{key}"] = value });
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(reason, failure.Message);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOutboxInboxCleanup();
        return builder.Build();
    }
}
