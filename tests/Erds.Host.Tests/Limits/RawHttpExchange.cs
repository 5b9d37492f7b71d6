using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Erds.Host.Tests.Limits;

// One HTTP/1.1 request over a plain socket, for what HttpClient will not do: send a body only in part
// (or not at all) and still read the answer the server gives meanwhile.
public sealed record RawHttpExchange(int Status, Dictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    // Sends the headers and the first bodyBytes of the body, then waits for the answer (never sending more).
    public static async Task<RawHttpExchange> SendAsync(Uri server, string headers, byte[] bodyStart, TimeSpan timeout)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        using var cts = new CancellationTokenSource(timeout);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers.ReplaceLineEndings("\r\n").TrimEnd() + "\r\n\r\n"), cts.Token);
        await stream.WriteAsync(bodyStart, cts.Token);
        await stream.FlushAsync(cts.Token);
        var reader = new ResponseReader(stream);
        var statusLine = await reader.LineAsync(cts.Token);
        var status = int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
        var answerHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await reader.LineAsync(cts.Token); line.Length > 0; line = await reader.LineAsync(cts.Token))
        {
            var colon = line.IndexOf(':');
            answerHeaders[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var body = new MemoryStream();
        if (answerHeaders.TryGetValue("Content-Length", out var length))
        {
            await reader.CopyAsync(body, int.Parse(length, CultureInfo.InvariantCulture), cts.Token);
        }
        else if (answerHeaders.GetValueOrDefault("Transfer-Encoding")?.Contains("chunked") == true)
        {
            for (var size = Convert.ToInt32(await reader.LineAsync(cts.Token), 16); size > 0; size = Convert.ToInt32(await reader.LineAsync(cts.Token), 16))
            {
                await reader.CopyAsync(body, size, cts.Token);
                await reader.LineAsync(cts.Token);
            }
        }
        return new RawHttpExchange(status, answerHeaders, Encoding.UTF8.GetString(body.ToArray()));
    }

    private sealed class ResponseReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<string> LineAsync(CancellationToken cancellationToken)
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end) await FillAsync(cancellationToken);
                var c = (char)_buffer[_start++];
                if (c == '\n') return line.ToString().TrimEnd('\r');
                line.Append(c);
            }
        }

        public async Task CopyAsync(Stream destination, int count, CancellationToken cancellationToken)
        {
            while (count > 0)
            {
                if (_start == _end) await FillAsync(cancellationToken);
                var n = Math.Min(count, _end - _start);
                destination.Write(_buffer, _start, n);
                _start += n;
                count -= n;
            }
        }

        private async Task FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            if (_end == 0) throw new EndOfStreamException("The server closed the connection without a complete answer.");
        }
    }
}
