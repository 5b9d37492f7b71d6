using System.CommandLine;
using Erds.Cli.Api;

namespace Erds.Cli.Commands;

internal static class EvidenceCommands
{
    public static Command Create()
    {
        var server = CommonOptions.Server();
        var token = CommonOptions.Token();
        var messageId = new Argument<Guid>("message-id");
        var inbox = new Option<bool>("--as-recipient") { Description = "List the evidence about you as recipient (inbox) instead of as sender." };

        var list = new Command("list", "List the evidence of a message.") { messageId, server, token, inbox };
        CliAction.Set(list, async (parse, cancellationToken) =>
        {
            using var client = new ProviderClient(parse.GetValue(server)!, parse.GetValue(token)!);
            var items = await client.GetJsonAsync(EvidencePath(parse.GetValue(messageId), parse.GetValue(inbox)), cancellationToken);
            foreach (var e in items.EnumerateArray())
            {
                Console.WriteLine($"{e.GetProperty("evidenceId")}\t{e.GetProperty("event")}\trecipient {e.GetProperty("recipientIndex")}\t{e.GetProperty("eventTime")}");
            }
        });

        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write the evidence files into.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var fetch = new Command("fetch", "Download every evidence of a message, byte for byte as issued.") { messageId, server, token, inbox, output };
        CliAction.Set(fetch, async (parse, cancellationToken) =>
        {
            using var client = new ProviderClient(parse.GetValue(server)!, parse.GetValue(token)!);
            var directory = parse.GetValue(output)!;
            directory.Create();
            var items = await client.GetJsonAsync(EvidencePath(parse.GetValue(messageId), parse.GetValue(inbox)), cancellationToken);
            foreach (var e in items.EnumerateArray())
            {
                var path = Path.Combine(directory.FullName, $"{e.GetProperty("event")}-{e.GetProperty("recipientIndex")}-{e.GetProperty("evidenceId")}.xml");
                using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, e.GetProperty("link").GetString()), cancellationToken);
                await using (var file = File.Create(path))
                {
                    await response.Content.CopyToAsync(file, cancellationToken);
                }
                Console.WriteLine(path);
            }
        });
        return new Command("evidence", "Evidence of your messages.") { list, fetch };
    }

    private static string EvidencePath(Guid messageId, bool asRecipient) =>
        asRecipient ? $"/api/v1/inbox/{messageId}/evidence" : $"/api/v1/messages/{messageId}/evidence";
}
