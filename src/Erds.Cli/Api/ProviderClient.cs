using System.Net.Http.Headers;
using System.Text.Json;
using Erds.Cli.Commands;

namespace Erds.Cli.Api;

// A thin HTTP client for the provider's API. Problems (RFC 9457) become one readable error line.
internal sealed class ProviderClient : IDisposable
{
    private readonly HttpClient _http;

    public ProviderClient(Uri server, string token) : this(server, token, new SocketsHttpHandler())
    {
    }

    // Tests hand in a handler that plays the provider.
    internal ProviderClient(Uri server, string token, HttpMessageHandler handler)
    {
        if (string.IsNullOrWhiteSpace(token)) throw new CliError("An API token is needed: --token or $ERDS_TOKEN.");
        _http = new HttpClient(handler) { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CliError($"Cannot reach the provider at {_http.BaseAddress}: {ex.Message}");
        }
        if (response.IsSuccessStatusCode) return response;
        using (response) throw new CliError(await DescribeAsync(response, cancellationToken));
    }

    // For callers that decide themselves what a failure means: erds bench counts them by kind.
    public Task<HttpResponseMessage> SendUncheckedAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.Clone();
    }

    internal static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            var text = $"{status}: {Get(root, "title")}. {Get(root, "detail")}".Trim();
            if (root.TryGetProperty("messageId", out var id)) text += $" (message {id}; rejection evidence: {Get(root, "evidence")})";
            return text;
        }
        catch (JsonException)
        {
            return status;
        }
    }

    private static string Get(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ToString() : "";

    public void Dispose() => _http.Dispose();
}
