using System.CommandLine;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Erds.Cli.Api;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Erds.Cli.Commands;

internal static class InboxCommands
{
    public static Command Create()
    {
        var server = CommonOptions.Server();
        var token = CommonOptions.Token();
        var mailbox = CommonOptions.Mailbox();
        var messageId = new Argument<Guid>("message-id");

        var list = new Command("list", "Messages addressed to your mailboxes.") { server, token, mailbox };
        CliAction.Set(list, async (parse, cancellationToken) =>
        {
            using var client = new ProviderClient(parse.GetValue(server)!, parse.GetValue(token)!);
            var query = parse.GetValue(mailbox) is { } m ? $"?mailbox={Uri.EscapeDataString(m)}" : "";
            foreach (var item in (await client.GetJsonAsync("/api/v1/inbox" + query, cancellationToken)).EnumerateArray())
            {
                Console.WriteLine($"{item.GetProperty("messageId")}\t{item.GetProperty("status")}\tfrom {item.GetProperty("from")}\tto {item.GetProperty("mailbox")}\t{item.GetProperty("subject")}");
            }
        });

        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for the retrieved parts.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var retrieve = new Command("retrieve", "Retrieve the content: this is the handover, proven by ContentHandover evidence.") { messageId, server, token, mailbox, output };
        CliAction.Set(retrieve, async (parse, cancellationToken) =>
        {
            using var client = new ProviderClient(parse.GetValue(server)!, parse.GetValue(token)!);
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, ActionPath(parse.GetValue(messageId), "content", parse.GetValue(mailbox))), cancellationToken);
            var directory = parse.GetValue(output)!;
            directory.Create();
            await SaveMultipartAsync(response, directory, cancellationToken);
        });

        var accept = new Command("accept", "Accept a consent-mode message.") { messageId, server, token, mailbox };
        CliAction.Set(accept, async (parse, cancellationToken) =>
        {
            using var client = new ProviderClient(parse.GetValue(server)!, parse.GetValue(token)!);
            using var _ = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, ActionPath(parse.GetValue(messageId), "accept", parse.GetValue(mailbox))), cancellationToken);
            Console.WriteLine("accepted");
        });

        var reason = new Option<string?>("--reason") { Description = "Why you refuse (goes into the evidence)." };
        var refuse = new Command("refuse", "Refuse a consent-mode message.") { messageId, server, token, mailbox, reason };
        CliAction.Set(refuse, async (parse, cancellationToken) =>
        {
            using var client = new ProviderClient(parse.GetValue(server)!, parse.GetValue(token)!);
            var request = new HttpRequestMessage(HttpMethod.Post, ActionPath(parse.GetValue(messageId), "refuse", parse.GetValue(mailbox)))
            {
                Content = JsonContent.Create(new { reason = parse.GetValue(reason) }),
            };
            using var _ = await client.SendAsync(request, cancellationToken);
            Console.WriteLine("refused");
        });
        return new Command("inbox", "Messages addressed to you.") { list, retrieve, accept, refuse };
    }

    private static string ActionPath(Guid messageId, string action, string? mailbox) =>
        $"/api/v1/inbox/{messageId}/{action}" + (mailbox is null ? "" : $"?mailbox={Uri.EscapeDataString(mailbox)}");

    // Writes each part to a file and checks it against the digest the provider states for it.
    private static async Task SaveMultipartAsync(HttpResponseMessage response, DirectoryInfo directory, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeHeaderValue.Parse(response.Content.Headers.ContentType!.ToString());
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value!;
        var reader = new MultipartReader(boundary, await response.Content.ReadAsStreamAsync(cancellationToken)) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var partId = section.Headers!["X-Erds-Part-Id"].ToString();
            var expected = section.Headers["X-Erds-Sha256"].ToString();
            var fileName = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value
                : null;
            var name = Path.GetFileName(string.IsNullOrEmpty(fileName) ? partId + ".txt" : fileName);
            var path = Path.Combine(directory.FullName, name);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = File.Create(path))
            {
                var buffer = new byte[64 * 1024];
                int n;
                while ((n = await section.Body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                }
            }
            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new CliError($"Part {partId} arrived with SHA-256 {actual}, the provider stated {expected}.");
            }
            Console.WriteLine($"{partId}\t{path}\tsha256 {actual}");
        }
    }
}
