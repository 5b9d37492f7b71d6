using System.Net;
using Erds.Consignment.Consign;
using Erds.EvidenceService.Issue;
using Erds.Host.Tests.Support;
using Erds.Submission.Messages.Submit;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Xunit;
using static Erds.Host.Tests.Support.CapturedLogs;

namespace Erds.Host.Tests;

public sealed class CapturedLogsFixture : ProviderFixtureBase
{
    public CapturedLogsFixture() : this(new CapturedLogs()) { }

    private CapturedLogsFixture(CapturedLogs logs) : base(new TestProvider { TestServices = services => services.AddSingleton<ILogEventSink>(logs) }) =>
        Logs = logs;

    public CapturedLogs Logs { get; }
}

// One correlation id follows a submission from the API request through the evidence service and the
// consignment service (each hop a bus message published from the outbox), so that an operator finds
// every log line of it with one query. Log lines name identifiers, never content or tokens.
public sealed class LogCorrelationTests(CapturedLogsFixture fixture) : IClassFixture<CapturedLogsFixture>
{
    private const string RequestLogging = "Serilog.AspNetCore.RequestLoggingMiddleware";

    [Fact]
    public async Task A_submission_keeps_the_callers_correlation_id_through_evidence_and_consignment()
    {
        var correlationId = "court-" + Guid.NewGuid().ToString("N")[..16];
        using var response = await fixture.Court.SubmitAsync(TestMessage.Between(fixture.Parties.Court, fixture.Parties.Firm), correlationId: correlationId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(correlationId, Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        var messageId = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("messageId").GetString()!;
        await fixture.Court.WaitForEvidenceAsync(Guid.Parse(messageId), "SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification");

        // The request: the API's own line and the request line.
        await WaitForLineAsync(correlationId, e => Source(e) == typeof(MessageSubmissionService).FullName && Property(e, "MessageId") == messageId);
        await WaitForLineAsync(correlationId, e => Source(e) == RequestLogging && Property(e, "RequestPath") == "/api/v1/messages");
        // The evidence service, on the announcement the submission wrote, and on those the consignment service wrote.
        foreach (var evidence in new[] { "SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification" })
        {
            await WaitForLineAsync(correlationId, e => Source(e) == typeof(EvidenceIssuanceService).FullName
                && Property(e, "EventName") == evidence && Property(e, "MessageId") == messageId && Property(e, "BusMessageId") is not null);
        }
        // The consignment service, on the EvidenceIssued the evidence service wrote.
        await WaitForLineAsync(correlationId, e => Source(e) == typeof(ConsignmentService).FullName
            && Property(e, "MessageId") == messageId && Property(e, "BusMessageId") is not null && Property(e, "ConversationId") is not null);

        // Every line about this message carries it: no hop lost it.
        var aboutMessage = fixture.Logs.Events.Where(e => Property(e, "MessageId") == messageId).ToList();
        Assert.True(aboutMessage.Count >= 6, $"only {aboutMessage.Count} lines about the message");
        Assert.All(aboutMessage, e => Assert.Equal(correlationId, Property(e, "CorrelationId")));
        Assert.Equal(4, aboutMessage.Select(e => Property(e, "BusMessageId")).OfType<string>().Distinct().Count());
    }

    [Fact]
    public async Task Log_lines_hold_no_content_subject_or_token()
    {
        var submission = TestMessage.Between(fixture.Parties.Court, fixture.Parties.Firm);
        var messageId = await fixture.Court.SubmitAcceptedAsync(submission);
        await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance", "ConsignmentNotification");

        var text = string.Join("\n", fixture.Logs.Events.Select(e => e.RenderMessage() + " " + string.Join(" ", e.Properties.Values)));
        Assert.Contains(messageId.ToString(), text);
        Assert.DoesNotContain(submission.Subject!, text);
        Assert.DoesNotContain(System.Text.Encoding.UTF8.GetString(submission.Body!), text);
        Assert.DoesNotContain(fixture.Parties.Court.Token, text);
        Assert.DoesNotContain(fixture.Parties.Firm.Token, text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("two words")]
    [InlineData("a-correlation-id-that-is-longer-than-the-sixty-four-characters-allowed")]
    public async Task A_request_without_a_usable_correlation_id_gets_a_new_one(string? offered)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/messages/{Guid.NewGuid()}");
        if (offered is not null) request.Headers.TryAddWithoutValidation("X-Correlation-Id", offered);
        using var response = await fixture.Court.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var given = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.True(Guid.TryParse(given, out _), given);
        await WaitForLineAsync(given, e => Source(e) == RequestLogging && Property(e, "StatusCode") == "404");
    }

    [Fact]
    public async Task A_refused_request_answers_with_the_callers_correlation_id()
    {
        // No Idempotency-Key: the exception handler turns the refusal into a problem, rewriting the response.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages")
        {
            Content = TestMessage.Between(fixture.Parties.Court, fixture.Parties.Firm).ToContent(),
        };
        request.Headers.Add("X-Correlation-Id", "court-request-0001");
        using var response = await fixture.Court.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("court-request-0001", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        await WaitForLineAsync("court-request-0001", e => Source(e) == RequestLogging && Property(e, "StatusCode") == "400");
    }

    // Who a request acted as is on its request line and on the API's own lines about it.
    [Fact]
    public async Task Request_lines_name_the_credential_the_organisation_and_the_user()
    {
        var correlationId = "who-" + Guid.NewGuid().ToString("N")[..16];
        var messageId = (await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(fixture.Parties.Court, fixture.Parties.Firm), correlationId)).ToString();
        await using var scope = fixture.Provider.Database();
        Erds.Persistence.Entities.ApiTokens.TryParse(fixture.Parties.Court.Token, out var credentialId, out _);
        var credential = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(scope.Db.ApiCredentials, c => c.Id == credentialId);

        bool ActsAsCourt(LogEvent e) => Property(e, "CredentialId") == credentialId.ToString()
            && Property(e, "OrganisationId") == credential.OrganisationId.ToString() && Property(e, "UserId") == credential.UserId.ToString();
        await WaitForLineAsync(correlationId, e => Source(e) == RequestLogging && Property(e, "RequestPath") == "/api/v1/messages" && ActsAsCourt(e));
        await WaitForLineAsync(correlationId, e => Source(e) == typeof(MessageSubmissionService).FullName && Property(e, "MessageId") == messageId && ActsAsCourt(e));
    }

    // A line may be written a moment after the effect the test waited for became visible.
    private async Task WaitForLineAsync(string correlationId, Func<LogEvent, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!fixture.Logs.Events.Any(e => Property(e, "CorrelationId") == correlationId && match(e)))
        {
            if (DateTime.UtcNow > deadline)
            {
                var seen = fixture.Logs.Events.Where(e => Property(e, "CorrelationId") == correlationId).Select(e => $"{Source(e)}: {e.RenderMessage()}");
                Assert.Fail($"No matching line with correlation id {correlationId}; its lines:\n{string.Join("\n", seen)}");
            }
            await Task.Delay(50);
        }
    }
}
