using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Erds.Cli.Fuzz.Submissions;

// Sends inputs start..start+count-1 of a seeded run to POST /api/v1/messages, a few at a time, each
// request as raw bytes with its own headers, and records every answer. A request without an answer
// within the timeout is a hang; a connection that ends without one is dropped.
internal static class SubmissionFuzzRun
{
    private const int ExcerptBytes = 600;

    public sealed record Settings(Uri Server, FuzzParties Parties, int Seed, int Start, int Count)
    {
        public int Concurrency { get; init; } = 4;
        public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
        public DirectoryInfo? SaveTo { get; init; }
        public TextWriter? Progress { get; init; }

        // Only inputs of these kinds (the others of start..start+count-1 are skipped); empty: all.
        public IReadOnlySet<string> Kinds { get; init; } = new HashSet<string>();
    }

    public static async Task<SubmissionFuzzSummary> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Concurrency * 2,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // Header values go out byte for byte (Latin-1), non-ASCII ones included.
            RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1,
            AllowAutoRedirect = false,
            // With Expect: 100-continue, the body waits for the provider's go-ahead or its answer, not a second.
            Expect100ContinueTimeout = settings.Timeout,
        };
        using var client = new HttpClient(handler) { BaseAddress = settings.Server, Timeout = Timeout.InfiniteTimeSpan };
        var inputs = new SubmissionInputs(settings.Parties, settings.Seed);
        var summary = new SubmissionFuzzSummary();
        var done = 0;
        var indexes = Enumerable.Range(settings.Start, settings.Count)
            .Where(i => settings.Kinds.Count == 0 || settings.Kinds.Contains(SubmissionInputs.Kinds[i % SubmissionInputs.Kinds.Count]));
        await Parallel.ForEachAsync(indexes,
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var input = inputs.Make(index);
                var answers = input.Together
                    ? await Task.WhenAll(input.Requests.Select(r => SendAsync(client, r, settings.Timeout, token)))
                    : await SendInOrderAsync(client, input.Requests, settings.Timeout, token);
                var outcome = new SubmissionOutcome(input, answers);
                summary.Add(outcome);
                if (outcome.IsFinding) await SaveAsync(settings.SaveTo, input);
                var finished = Interlocked.Increment(ref done);
                if (settings.Progress is { } progress && finished % 1000 == 0)
                    progress.WriteLine($"fuzz: {finished} of {settings.Count} inputs (seed {settings.Seed}), {summary.ServerErrors} 5xx, {summary.Hangs} hangs, {summary.Dropped} dropped so far");
            });
        summary.GeneratorFailures.AddRange(inputs.GeneratorFailures);
        return summary;
    }

    private static async Task<SubmissionAnswer[]> SendInOrderAsync(HttpClient client, IReadOnlyList<FuzzRequest> requests, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answers = new SubmissionAnswer[requests.Count];
        for (var n = 0; n < requests.Count; n++) answers[n] = await SendAsync(client, requests[n], timeout, cancellationToken);
        return answers;
    }

    // A connection the provider closes while the body is still being sent (HTTP/1.1 allows answering
    // early, e.g. 413 on a Content-Length over the limit, and closing) is sent once more with
    // "Expect: 100-continue", so that the answer can be read before the body goes out: answered then, it
    // counts as that answer (closed early), and only without an answer is it dropped.
    private static async Task<SubmissionAnswer> SendAsync(HttpClient client, FuzzRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answer = await SendOnceAsync(client, request, timeout, expectContinue: false, cancellationToken);
        if (!answer.IsDropped) return answer;
        var again = await SendOnceAsync(client, request, timeout, expectContinue: true, cancellationToken);
        return again.Status is null ? answer : again with { ClosedEarly = true, Elapsed = answer.Elapsed + again.Elapsed };
    }

    private static async Task<SubmissionAnswer> SendOnceAsync(HttpClient client, FuzzRequest request, TimeSpan timeout, bool expectContinue, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var message = ToMessage(request);
            if (expectContinue) message.Headers.ExpectContinue = true;
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, bound.Token);
            var status = (int)response.StatusCode;
            var excerpt = await ReadExcerptAsync(response, bound.Token);
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            return new SubmissionAnswer(status, null, null, problem, Stopwatch.GetElapsedTime(started), status >= 500 ? excerpt : null);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new SubmissionAnswer(null, "timeout", $"no answer within {timeout.TotalSeconds:0} s", false, Stopwatch.GetElapsedTime(started), null);
        }
        catch (HttpRequestException e)
        {
            return new SubmissionAnswer(null, "dropped", $"{e.HttpRequestError}: {Messages(e)}", false, Stopwatch.GetElapsedTime(started), null);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            return new SubmissionAnswer(null, "client", $"{e.GetType().Name}: {e.Message}", false, Stopwatch.GetElapsedTime(started), null);
        }
    }

    private static HttpRequestMessage ToMessage(FuzzRequest request)
    {
        var content = new ByteArrayContent(request.Body);
        if (request.ContentType is not null && !content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType))
            throw new ArgumentException("Content-Type refused by HttpClient");
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages") { Content = content };
        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value) && !content.Headers.TryAddWithoutValidation(name, value))
                throw new ArgumentException($"header {name} refused by HttpClient");
        }
        return message;
    }

    // The start of the body for the findings; the rest is read and dropped.
    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var excerpt = new byte[ExcerptBytes];
        var scratch = new byte[16 * 1024];
        var kept = 0;
        int n;
        while ((n = await body.ReadAsync(kept < excerpt.Length ? excerpt.AsMemory(kept) : scratch, cancellationToken)) > 0)
            if (kept < excerpt.Length) kept += n;
        return Encoding.UTF8.GetString(excerpt, 0, kept).ReplaceLineEndings(" ");
    }

    private static string Messages(Exception e)
    {
        var parts = new List<string>();
        for (var at = e; at is not null; at = at.InnerException) parts.Add(at.Message);
        return string.Join(" <- ", parts);
    }

    private static async Task SaveAsync(DirectoryInfo? directory, SubmissionInput input)
    {
        if (directory is null) return;
        for (var n = 0; n < input.Requests.Count; n++)
        {
            var request = input.Requests[n];
            var name = Path.Combine(directory.FullName, $"{input.Index}-{input.Kind}-{n + 1}");
            await File.WriteAllBytesAsync(name + ".body", request.Body);
            var headers = request.Headers.Select(h => $"{h.Key}: {h.Value}").Prepend($"Content-Type: {request.ContentType ?? "(none)"}");
            await File.WriteAllLinesAsync(name + ".headers", headers);
        }
    }
}
