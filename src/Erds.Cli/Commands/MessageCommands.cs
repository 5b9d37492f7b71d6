using System.CommandLine;
using System.Text.Json;
using Erds.Cli.Api;

namespace Erds.Cli.Commands;

internal static class MessageCommands
{
    public static Command CreateStatus()
    {
        var server = CommonOptions.Server();
        var token = CommonOptions.Token();
        var id = new Argument<Guid>("message-id");
        var json = new Option<bool>("--json") { Description = "Print the provider's JSON answer." };
        var command = new Command("status", "Status, recipients and timeline of a message you sent.") { id, server, token, json };
        CliAction.Set(command, async (parse, cancellationToken) =>
        {
            using var client = new ProviderClient(parse.GetValue(server)!, parse.GetValue(token)!);
            var message = await client.GetJsonAsync($"/api/v1/messages/{parse.GetValue(id)}", cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(message, new JsonSerializerOptions { WriteIndented = true }));
                return;
            }
            Console.WriteLine($"message {message.GetProperty("messageId")}: {message.GetProperty("status")}");
            Console.WriteLine($"from {message.GetProperty("from")}, submitted {message.GetProperty("submittedAt")}, expires {message.GetProperty("expiresAt")}");
            foreach (var r in message.GetProperty("recipients").EnumerateArray())
            {
                Console.WriteLine($"  recipient {r.GetProperty("index")} {r.GetProperty("identifier")}: {r.GetProperty("status")}");
            }
            foreach (var p in message.GetProperty("parts").EnumerateArray())
            {
                Console.WriteLine(TerminalText.Printable($"  part {p.GetProperty("partId")} {p.GetProperty("fileName")} {p.GetProperty("length")} bytes sha256 {p.GetProperty("sha256")}"));
            }
            Console.WriteLine("timeline:");
            foreach (var e in message.GetProperty("timeline").EnumerateArray())
            {
                var evidence = e.GetProperty("evidenceId").ValueKind == JsonValueKind.Null ? "(evidence pending)" : $"evidence {e.GetProperty("evidenceId")}";
                Console.WriteLine($"  {e.GetProperty("occurredAt")} {e.GetProperty("event")} recipient {e.GetProperty("recipientIndex")} {evidence}");
            }
        });
        return command;
    }
}
