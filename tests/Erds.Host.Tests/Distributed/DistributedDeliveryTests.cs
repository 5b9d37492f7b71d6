using System.Net;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests.Distributed;

// The embedded scenario again, across separate processes on RabbitMQ and PostgreSQL.
[Collection(DistributedCollection.Name)]
public sealed class DistributedDeliveryTests
{
    [Fact]
    public async Task A_message_with_two_attachments_goes_through_separate_services_with_every_evidence()
    {
        await using var deployment = await DistributedDeployment.StartAsync();
        foreach (var role in new[] { "submission", "evidence", "consignment" })
        {
            using var http = new HttpClient { BaseAddress = deployment.Process(role).BaseAddress };
            using var report = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/health/ready"));
            Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        }
        var court = deployment.Api(deployment.Court);
        var firm = deployment.Api(deployment.Firm);
        var submission = TestMessage.Between(deployment.Court, deployment.Firm);

        var correlationId = "court-" + Guid.NewGuid().ToString("N")[..16];
        var messageId = await court.SubmitAcceptedAsync(submission, correlationId);
        await court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification");
        // The request's correlation id crossed the broker into the other processes' log lines.
        foreach (var role in new[] { "evidence", "consignment" })
        {
            await WaitForOutputAsync(deployment.Process(role), $"\"CorrelationId\":\"{correlationId}\"");
        }
        using (var response = await firm.Http.GetAsync($"/api/v1/inbox/{messageId}/content"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var parts = await ContentResponse.ReadAsync(response);
            Assert.Equal(submission.Attachments.Select(a => a.Bytes), parts.Skip(1).Select(p => p.Bytes));
        }
        var evidence = await court.WaitForEvidenceAsync(messageId, "ContentHandover");

        Assert.Equal(["SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification", "ContentHandover"], evidence.Select(e => e.Event));
        foreach (var file in evidence) EvidenceAssert.Valid(deployment.RootCertificatePath, TimeProvider.System, file);
        // The evidence of several messages at once, on PostgreSQL: the same list, an unknown id not found.
        var unknown = Guid.NewGuid();
        var both = await court.GetJsonAsync($"/api/v1/messages/evidence?messageId={unknown}&messageId={messageId}");
        var listed = Assert.Single(both.GetProperty("messages").EnumerateArray());
        Assert.Equal(messageId, listed.GetProperty("messageId").GetGuid());
        Assert.Equal(evidence.Select(e => e.EvidenceId), listed.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("evidenceId").GetGuid()));
        Assert.Equal([unknown], both.GetProperty("notFound").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(0u, await Broker.ErrorCountAsync(DistributedEnvironment.RabbitMq));
    }

    // A line may be written a moment after the evidence it is about became visible.
    private static async Task WaitForOutputAsync(HostProcess process, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!process.HasWritten(text))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no line with {text}; last lines:\n{process.RecentOutput}");
            await Task.Delay(100);
        }
    }
}
