using System.Net;
using System.Net.Http.Headers;

namespace Erds.Evidence.Tests.TestSupport;

/// <summary>An in-process TSA endpoint: hands each query body to <paramref name="answer"/> and returns its bytes.</summary>
internal sealed class TsaHttpHandler(Func<byte[], byte[]> answer, string mediaType = "application/timestamp-reply", HttpStatusCode status = HttpStatusCode.OK)
    : HttpMessageHandler
{
    public string? LastRequestMediaType { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastRequestMediaType = request.Content?.Headers.ContentType?.MediaType;
        var query = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var content = new ByteArrayContent(answer(query));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(status) { Content = content };
    }
}
