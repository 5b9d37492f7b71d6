using System.CommandLine;
using System.Net.Http.Json;
using Erds.Cli.Api;

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
                // Sender-chosen text: printed escaped so it cannot steer the terminal.
                string[] fields = [$"{item.GetProperty("messageId")}", $"{item.GetProperty("status")}", $"from {item.GetProperty("from")}",
                    $"to {item.GetProperty("mailbox")}", $"{item.GetProperty("subject")}"];
                Console.WriteLine(string.Join('\t', fields.Select(TerminalText.Printable)));
            }
        });

        var output = new Option<DirectoryInfo>("--out") { Description = "Directory under which a directory named after the message receives its parts.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var retrieve = new Command("retrieve", "Retrieve the content into <out>/<message-id>/: this is the handover, proven by ContentHandover evidence.") { messageId, server, token, mailbox, output };
        CliAction.Set(retrieve, async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(messageId);
            var directory = ContentDownload.MessageDirectory(parse.GetValue(output)!, id);
            using var client = new ProviderClient(parse.GetValue(server)!, parse.GetValue(token)!);
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, ActionPath(id, "content", parse.GetValue(mailbox))), cancellationToken);
            await ContentDownload.SaveAsync(response, directory, cancellationToken);
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
}
