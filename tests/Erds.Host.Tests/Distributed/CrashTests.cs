using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Erds.Host.Tests.Support;
using Npgsql;
using Xunit;

namespace Erds.Host.Tests.Distributed;

// While messages flow, the evidence and consignment services are killed with SIGKILL (twice each) and
// RabbitMQ is restarted once. Every accepted message must still end with its complete, verifiable
// evidence chain: none missing, none twice.
[Collection(DistributedCollection.Name)]
public sealed class CrashTests
{
    private static readonly string[] Chain = ["SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification", "ContentHandover"];

    [Fact]
    public async Task Killing_services_and_restarting_the_broker_loses_and_duplicates_no_evidence()
    {
        await using var deployment = await DistributedDeployment.StartAsync();
        var court = deployment.Api(deployment.Court);
        var firm = deployment.Api(deployment.Firm);
        var accepted = new ConcurrentBag<Guid>();
        var refused = new ConcurrentBag<string>();
        using var submitting = new CancellationTokenSource();

        // A steady flow of about ten messages a second, bounded so the run stays within CI's time.
        var submitters = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!submitting.IsCancellationRequested && accepted.Count < 250)
            {
                try
                {
                    using var response = await court.SubmitAsync(TestMessage.Between(deployment.Court, deployment.Firm));
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        accepted.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("messageId").GetGuid());
                    }
                    else
                    {
                        refused.Add($"{(int)response.StatusCode}");
                    }
                }
                catch (HttpRequestException ex)
                {
                    refused.Add(ex.Message);
                }
                await Task.Delay(150);
            }
        })).ToList();

        var chaos = new List<string>();
        async Task Pause(int seconds) => await Task.Delay(TimeSpan.FromSeconds(seconds));
        await Pause(3);
        await deployment.CrashAndRestartAsync("evidence"); chaos.Add("evidence killed");
        await Pause(3);
        await deployment.CrashAndRestartAsync("consignment"); chaos.Add("consignment killed");
        await Pause(2);
        await RestartBrokerAsync(); chaos.Add("RabbitMQ restarted");
        await Pause(4);
        await deployment.CrashAndRestartAsync("evidence"); chaos.Add("evidence killed");
        await Pause(2);
        await deployment.CrashAndRestartAsync("consignment"); chaos.Add("consignment killed");
        await Pause(3);
        submitting.Cancel();
        await Task.WhenAll(submitters);

        Assert.Empty(refused);
        Assert.True(accepted.Count >= 50, $"only {accepted.Count} messages were accepted while the services were being killed");

        // The recipient retrieves every message once it is available: the chain ends in the handover.
        var clock = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        var pending = accepted.ToHashSet();
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            foreach (var messageId in pending.ToList())
            {
                var events = await EventsAsync(court, messageId);
                if (events.Contains("ContentHandover")) pending.Remove(messageId);
                else if (events.Contains("ContentConsignment"))
                {
                    using var content = await firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content");
                    await content.Content.ReadAsByteArrayAsync();
                }
            }
            if (pending.Count > 0) await Task.Delay(1000);
        }
        Assert.True(pending.Count == 0, $"{pending.Count} of {accepted.Count} messages did not complete their evidence chain within 5 minutes");
        var settled = clock.Elapsed;

        var checkedEvidence = 0;
        foreach (var messageId in accepted)
        {
            var evidence = await court.WaitForEvidenceAsync(messageId, Chain);
            Assert.Equal(Chain.Order(), evidence.Select(e => e.Event).Order());
            foreach (var file in evidence)
            {
                EvidenceAssert.Valid(deployment.RootCertificatePath, TimeProvider.System, file);
                checkedEvidence++;
            }
        }
        var duplicates = await DuplicatesAsync(deployment.ConnectionString);
        Assert.Equal(0, duplicates);
        var summary = $"crash test: {accepted.Count} messages accepted, {checkedEvidence} evidences verified, 0 missing, {duplicates} duplicated; "
            + $"{string.Join(", ", chaos)}; all chains complete {settled.TotalSeconds:0} s after the last crash";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        // scripts/test.sh prints it: CI shows the counts this test checked.
        if (System.Environment.GetEnvironmentVariable("ERDS_TEST_REPORT_DIR") is { Length: > 0 } reports)
        {
            await File.WriteAllTextAsync(Path.Combine(reports, "crash-test.txt"), summary + "\n");
        }
    }

    private static async Task<HashSet<string>> EventsAsync(ErdsApi api, Guid messageId)
    {
        var list = await api.GetJsonAsync($"/api/v1/messages/{messageId}/evidence");
        return list.EnumerateArray().Select(e => e.GetProperty("event").GetString()!).ToHashSet();
    }

    private static async Task RestartBrokerAsync()
    {
        var start = new ProcessStartInfo("bash", ["-c", DistributedEnvironment.RabbitMqRestart])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var (exit, stdout, stderr) = await ExternalTool.RunAsync(start);
        Assert.True(exit == 0, $"restarting RabbitMQ failed: {stdout}{stderr}");
    }

    private static async Task<int> DuplicatesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM (SELECT 1 FROM \"Evidence\" GROUP BY \"MessageId\", \"RecipientIndex\", \"EventName\" HAVING count(*) > 1) d", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
