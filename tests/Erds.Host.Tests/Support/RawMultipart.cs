using System.Net.Http.Headers;
using System.Text;

namespace Erds.Host.Tests.Support;

// A multipart/form-data body written byte for byte, for what HttpClient's own builder would refuse
// or tidy up: part names and headers exactly as an attacker sends them.
public static class RawMultipart
{
    public static HttpContent Build(string metadataJson, params (string Disposition, string ContentType, byte[] Body)[] parts)
    {
        const string boundary = "erds-raw-boundary-7d1f";
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n{metadataJson}\r\n");
        foreach (var (disposition, contentType, bytes) in parts)
        {
            Write($"--{boundary}\r\nContent-Disposition: {disposition}\r\nContent-Type: {contentType}\r\n\r\n");
            body.Write(bytes);
            Write("\r\n");
        }
        Write($"--{boundary}--\r\n");
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }
}
