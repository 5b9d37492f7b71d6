using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using Erds.Cli.Api;

namespace Erds.Cli.Commands;

internal static class SubmitCommand
{
    public static Command Create()
    {
        var server = CommonOptions.Server();
        var token = CommonOptions.Token();
        var from = new Option<string>("--from") { Description = "Your sending mailbox.", Required = true };
        var to = new Option<string[]>("--to") { Description = "Recipient address (repeat for several).", Required = true, AllowMultipleArgumentsPerToken = false };
        var subject = new Option<string?>("--subject") { Description = "Subject." };
        var reference = new Option<string?>("--reference") { Description = "Your own reference, e.g. a case number." };
        var consent = new Option<bool>("--consent") { Description = "Consent mode: the recipient accepts or refuses before retrieving." };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "Deadline for retrieval (ISO 8601)." };
        var body = new Option<FileInfo?>("--body") { Description = "File holding the message body (text/plain)." };
        var attach = new Option<FileInfo[]>("--attach") { Description = "File to attach (repeat for several)." };
        var key = new Option<string?>("--idempotency-key") { Description = "Idempotency key (default: a new one). Reuse it to retry safely." };
        var command = new Command("submit", "Submit a registered message.") { server, token, from, to, subject, reference, consent, expires, body, attach, key };
        CliAction.Set(command, async (parse, cancellationToken) =>
        {
            using var client = new ProviderClient(parse.GetValue(server)!, parse.GetValue(token)!);
            var metadata = new
            {
                from = parse.GetValue(from),
                recipients = parse.GetValue(to)!.Select(r => new { identifier = r, scheme = "mailto" }),
                subject = parse.GetValue(subject),
                senderReference = parse.GetValue(reference),
                consignmentMode = parse.GetValue(consent) ? "consent" : "basic",
                expiresAt = parse.GetValue(expires),
            };
            using var content = new MultipartFormDataContent();
            content.Add(new StringContent(JsonSerializer.Serialize(metadata), System.Text.Encoding.UTF8, "application/json"), "metadata");
            var streams = new List<Stream>();
            try
            {
                if (parse.GetValue(body) is { } bodyFile) content.Add(FilePart(bodyFile, "text/plain", streams), "body", bodyFile.Name);
                foreach (var file in parse.GetValue(attach) ?? []) content.Add(FilePart(file, MediaTypes.Guess(file.Name), streams), "attachment", file.Name);
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages") { Content = content };
                request.Headers.Add("Idempotency-Key", parse.GetValue(key) ?? Guid.NewGuid().ToString());
                using var response = await client.SendAsync(request, cancellationToken);
                var answer = await ProviderClient.ReadJsonAsync(response, cancellationToken);
                // The id alone on stdout, for scripts: MSG=$(erds submit ...).
                Console.WriteLine(answer.GetProperty("messageId").GetString());
                Console.Error.WriteLine($"accepted: message {answer.GetProperty("messageId")} submitted at {answer.GetProperty("submittedAt")}");
            }
            finally
            {
                streams.ForEach(s => s.Dispose());
            }
        });
        return command;
    }

    private static StreamContent FilePart(FileInfo file, string mediaType, List<Stream> streams)
    {
        if (!file.Exists) throw new CliError($"No such file: {file.FullName}");
        var stream = file.OpenRead();
        streams.Add(stream);
        var part = new StreamContent(stream, 64 * 1024);
        part.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return part;
    }
}
