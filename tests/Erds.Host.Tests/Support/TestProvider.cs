using Erds.Persistence;
using Erds.ServiceDefaults.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Erds.Host.Tests.Support;

// The embedded provider in-process, on its own temporary data directory, with a clock the test owns.
public sealed class TestProvider : WebApplicationFactory<Program>
{
    public const long MaxMessageBytes = 2 * 1024 * 1024;

    // Shared by two providers to stand for two processes of one deployment.
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "erds-test-" + Guid.NewGuid().ToString("N"));

    // Moves a millisecond on every reading, so that events keep their order as on a real clock.
    // Starts a week ago, so that tests can move it days ahead and still verify against the real clock
    // (xmlsec1 and openssl check certificates at the real time).
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.AddDays(-7)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    public string PickupDirectory => Path.Combine(DataDirectory, "mail-pickup");

    public string RootCertificatePath => Path.Combine(DataDirectory, "pki", "root-ca.pem");

    // Extra configuration for one test class, e.g. a mail server.
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    // Request rates and the daily message quota are off unless a test sets them (LimitsTests does):
    // tests send as fast as they can from one token, and move the clock across days.
    public static readonly IReadOnlyDictionary<string, string> LimitsOff = new Dictionary<string, string>
    {
        ["Erds:Limits:PerCredentialRequestsPerSecond"] = "0",
        ["Erds:Limits:PerAddressRequestsPerSecond"] = "0",
        ["Erds:Limits:MessagesPerDay"] = "0",
    };

    // Extra services for one test class, e.g. a sink that captures log events.
    public Action<IServiceCollection> TestServices { get; init; } = _ => { };

    // Where the provider serves /metrics: a port of its own, chosen by the system (tests run side by side).
    public Uri MetricsAddress => new(Services.GetRequiredService<MetricsListener>().Addresses[0]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Erds:Metrics:Url", "http://127.0.0.1:0");
        foreach (var (key, value) in LimitsOff) builder.UseSetting(key, value);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Erds:Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Erds:Submission:MaxMessageBytes", MaxMessageBytes.ToString());
        builder.UseSetting("Erds:Consignment:ExpiryScanInterval", "01:00:00");
        builder.UseSetting("Erds:LogFormat", "text");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            TestServices(services);
        });
    }

    public ErdsDbContextScope Database() => new(Services.CreateAsyncScope());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class ErdsDbContextScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public ErdsDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<ErdsDbContext>();

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
