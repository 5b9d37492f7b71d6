using System.Net;
using System.Text;
using System.Text.Json;
using Erds.Cli.Api;
using Erds.Cli.Bench;
using Xunit;

namespace Erds.Cli.Tests;

// The bench's poller against a provider played by a handler: many waits share a request, a failed
// or hung request is a missed poll, a provider that keeps refusing ends the wait with its answer.
public sealed class EvidencePollerTests : IDisposable
{
    private static readonly string[] Acceptance = ["SubmissionAcceptance"];

    // No wait in these tests may take long: a poller that hangs fails the test instead.
    private readonly CancellationTokenSource _deadline = CreateDeadline();

    public void Dispose() => _deadline.Dispose();

    [Fact]
    public async Task Waits_that_are_due_together_share_one_request()
    {
        var provider = new ScriptedProvider((_, ids) => Answer(ids, "SubmissionAcceptance"));
        await using var poller = Poller(provider);
        var messages = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();

        var evidence = await Task.WhenAll(messages.Select(id => poller.WaitForAsync(id, Acceptance, _deadline.Token)));

        Assert.All(evidence, e => Assert.Equal("SubmissionAcceptance", Assert.Single(e).Event));
        Assert.Equal(50, provider.AskedFor.Distinct().Count());
        Assert.True(provider.Calls <= 5, $"{provider.Calls} requests for 50 waits");
        Assert.Equal(provider.Calls, poller.Requests);
    }

    [Fact]
    public async Task A_failed_request_is_a_missed_poll_and_the_next_one_ends_the_wait()
    {
        var provider = new ScriptedProvider((call, ids) => call == 1
            ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))
            : Answer(ids, "SubmissionAcceptance"));
        await using var poller = Poller(provider);

        var evidence = await poller.WaitForAsync(Guid.NewGuid(), Acceptance, _deadline.Token);

        Assert.Equal("SubmissionAcceptance", Assert.Single(evidence).Event);
        Assert.Equal(2, provider.Calls);
    }

    [Fact]
    public async Task A_request_that_hangs_is_given_up_and_counts_as_a_missed_poll()
    {
        var provider = new ScriptedProvider(async (call, ids, cancellationToken) =>
        {
            if (call == 1) await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return await Answer(ids, "SubmissionAcceptance");
        });
        await using var poller = Poller(provider, requestTimeout: TimeSpan.FromMilliseconds(200));

        var evidence = await poller.WaitForAsync(Guid.NewGuid(), Acceptance, _deadline.Token);

        Assert.Equal("SubmissionAcceptance", Assert.Single(evidence).Event);
    }

    [Fact]
    public async Task A_provider_that_keeps_refusing_ends_the_wait_with_its_answer_after_three_polls()
    {
        var provider = new ScriptedProvider((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized)));
        await using var poller = Poller(provider);

        var failure = await Assert.ThrowsAsync<BenchFailure>(() => poller.WaitForAsync(Guid.NewGuid(), Acceptance, _deadline.Token));

        Assert.Equal("evidence list: HTTP 401", failure.Kind);
        Assert.Equal(3, provider.Calls);
    }

    [Fact]
    public async Task Evidence_of_a_failed_delivery_ends_the_wait_with_that_event()
    {
        var provider = new ScriptedProvider((_, ids) => Answer(ids, "SubmissionRejection"));
        await using var poller = Poller(provider);

        var failure = await Assert.ThrowsAsync<BenchFailure>(() => poller.WaitForAsync(Guid.NewGuid(), Acceptance, _deadline.Token));

        Assert.Equal("evidence: SubmissionRejection", failure.Kind);
    }

    [Fact]
    public async Task A_message_the_provider_does_not_know_ends_the_wait()
    {
        var provider = new ScriptedProvider((_, _) => Answer([]));
        await using var poller = Poller(provider);

        var failure = await Assert.ThrowsAsync<BenchFailure>(() => poller.WaitForAsync(Guid.NewGuid(), Acceptance, _deadline.Token));

        Assert.Equal("evidence list: message not found", failure.Kind);
    }

    [Fact]
    public async Task Waits_still_open_when_the_poller_is_disposed_are_cancelled()
    {
        var provider = new ScriptedProvider((_, ids) => Answer(ids));
        var poller = Poller(provider);
        var wait = poller.WaitForAsync(Guid.NewGuid(), Acceptance, _deadline.Token);
        while (provider.Calls == 0) await Task.Delay(10, TestContext.Current.CancellationToken);

        await poller.DisposeAsync();
        await poller.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    private static CancellationTokenSource CreateDeadline()
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        return deadline;
    }

    private static EvidencePoller Poller(ScriptedProvider provider, TimeSpan? requestTimeout = null)
    {
        var server = new Uri("http://provider.test");
        var sender = new ProviderClient(server, "sender-token", provider);
        var recipient = new ProviderClient(server, "recipient-token", provider);
        var settings = new BenchSettings
        {
            Messages = 1, AttachmentBytes = 0, Attachments = 0, Concurrency = 1, Server = server,
            From = "a@example.test", To = "b@example.test", Timeout = TimeSpan.FromSeconds(30),
        };
        return new EvidencePoller(new BenchClient(sender, recipient, settings), maxConcurrentRequests: 4, requestTimeout);
    }

    // The answer of GET /api/v1/messages/evidence: every asked message with one evidence per event.
    private static Task<HttpResponseMessage> Answer(IReadOnlyList<Guid> ids, params string[] events)
    {
        var body = JsonSerializer.Serialize(new
        {
            messages = ids.Select(id => new
            {
                messageId = id,
                evidence = events.Select(e => new { @event = e, recipientIndex = 0, issuedAt = DateTimeOffset.UtcNow }),
            }),
            notFound = Array.Empty<Guid>(),
        });
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    private sealed class ScriptedProvider(Func<int, IReadOnlyList<Guid>, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        private int _calls;
        private readonly System.Collections.Concurrent.ConcurrentBag<Guid> _askedFor = [];

        public ScriptedProvider(Func<int, IReadOnlyList<Guid>, Task<HttpResponseMessage>> answer) : this((call, ids, _) => answer(call, ids))
        {
        }

        public int Calls => Volatile.Read(ref _calls);
        public IEnumerable<Guid> AskedFor => _askedFor;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal("/api/v1/messages/evidence", request.RequestUri!.AbsolutePath);
            var ids = request.RequestUri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => Guid.Parse(pair["messageId=".Length..])).ToList();
            foreach (var id in ids) _askedFor.Add(id);
            return answer(Interlocked.Increment(ref _calls), ids, cancellationToken);
        }
    }
}
