using Erds.Host.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Erds.Host.Tests;

public sealed class StartupTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    [Fact]
    public void The_first_start_creates_the_development_PKI_before_any_message()
    {
        var pki = Path.GetDirectoryName(fixture.Provider.RootCertificatePath)!;
        Assert.True(File.Exists(fixture.Provider.RootCertificatePath), "root-ca.pem should exist right after start");
        Assert.True(File.Exists(Path.Combine(pki, "seal.pem")));
        Assert.True(File.Exists(Path.Combine(pki, "tsa.pem")));
    }

    [Fact]
    public void The_bus_does_not_report_usage_telemetry_to_anyone()
    {
        var telemetry = fixture.Provider.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value;

        Assert.False(telemetry.Enabled);
    }
}
