using System.Net.Http.Headers;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests.Limits;

// The provider as a process on Kestrel, for limits that the in-memory test server does not show as
// a client on a network meets them (declared lengths, stalled and concurrent uploads): an upload
// idle timeout of one second and one submission at a time per organisation.
public sealed class KestrelLimitsFixture : IAsyncLifetime
{
    public const string Court = ProcessParties.Court;
    public const string Firm = ProcessParties.Firm;

    public HostProcess Host { get; private set; } = null!;

    public string CourtToken { get; private set; } = null!;

    public string FirmToken { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Erds__Limits__UploadIdleTimeout"] = "00:00:01",
            ["Erds__Limits__ConcurrentSubmissionsPerOrganisation"] = "1",
        });
        (CourtToken, FirmToken) = await ProcessParties.SeedAsync(Host);
    }

    public HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static TestMessage Message(string from, string to, byte[]? attachment = null) => new()
    {
        From = from,
        To = [to],
        Attachments = [("stuk.bin", "application/octet-stream", attachment ?? "%PDF-1.7 stuk"u8.ToArray())],
    };

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, HttpContent content, string path = "/api/v1/messages")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await http.SendAsync(request);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
