using System.Diagnostics;

namespace Erds.Cli.Bench;

// One message through the whole chain: submit, SubmissionAcceptance, retrieval by the recipient,
// ContentHandover. Evidence latencies are measured to the evidence's issuedAt, not to the poll that
// saw it, so the poll interval does not add to them; this assumes the bench and the provider read
// the same clock (one machine, or synchronised clocks).
internal sealed class MessageRun(BenchClient client, EvidencePoller poller, TimeSpan timeout, TimeProvider time)
{
    public static readonly string[] Chain = ["SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification", "ContentHandover"];

    public async Task<MessageOutcome> RunAsync(int index, CancellationToken runCancelled)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(runCancelled);
        deadline.CancelAfter(timeout);
        var outcome = new MessageOutcome();
        var stage = "submit";
        var submittedAt = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var messageId = await client.SubmitAsync(index, deadline.Token);
            outcome = outcome with { MessageId = messageId, SubmitTo202 = Stopwatch.GetElapsedTime(started) };

            // The content can be retrieved once it is consigned; SubmissionAcceptance comes before that.
            stage = "wait for ContentConsignment";
            var evidence = await poller.WaitForAsync(messageId, ["SubmissionAcceptance", "ContentConsignment"], deadline.Token);
            outcome = outcome with { SubmitToAcceptance = Since(submittedAt, evidence, "SubmissionAcceptance") };

            stage = "retrieve";
            await client.RetrieveAsync(messageId, deadline.Token);

            stage = "wait for ContentHandover";
            evidence = await poller.WaitForAsync(messageId, Chain, deadline.Token);
            return outcome with { SubmitToHandover = Since(submittedAt, evidence, "ContentHandover"), Evidences = evidence.Count };
        }
        catch (BenchFailure failure)
        {
            return outcome with { FailureKind = failure.Kind, FailureDetail = failure.Message };
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !runCancelled.IsCancellationRequested)
        {
            return outcome with { FailureKind = $"{stage}: timeout", FailureDetail = $"no answer within {timeout}" };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Anything else (a malformed answer, a broken stream) is one failed message, not a failed run.
            return outcome with { FailureKind = $"{stage}: {ex.GetType().Name}", FailureDetail = ex.Message };
        }
    }

    private static TimeSpan Since(DateTimeOffset submittedAt, IReadOnlyList<EvidenceListItem> evidence, string name)
    {
        var issued = evidence.Where(e => e.Event == name).Min(e => e.IssuedAt);
        return issued > submittedAt ? issued - submittedAt : TimeSpan.Zero;
    }
}
