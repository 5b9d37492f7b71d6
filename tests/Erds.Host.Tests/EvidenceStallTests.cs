using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Erds.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Host.Tests;

// No sender can stop evidence for everyone. Poison of two kinds is interleaved with ordinary traffic:
// attack submissions whose rejection must quote a control character (the gate quotes it, and the
// rejection is proven), and messages of an organisation whose registered name XML cannot carry, as a
// row written before the gate existed would hold it (their acceptance can never be sealed: parked).
// Every ordinary chain still completes within a minute of the last submission, and readiness says
// Degraded with the number parked.
public sealed class EvidenceStallTests(ProviderFixture fixture, ITestOutputHelper output) : IClassFixture<ProviderFixture>
{
    private const int Normal = 200;
    private const int Unsealable = 1_000;
    private const int Attacks = 500;
    private static readonly string[] Chain = ["SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification"];

    private Parties P => fixture.Parties;

    [Fact]
    public async Task Poisoned_events_are_parked_and_reported_while_every_ordinary_chain_completes()
    {
        await using (var scope = fixture.Provider.Database())
        {
            var outsider = await scope.Db.Organisations.SingleAsync(o => o.Handle == P.Outsider.Handle);
            outsider.LegalName = "Derde Partij\u0001B.V.";
            await scope.Db.SaveChangesAsync();
        }
        var work = Enumerable.Repeat(Kind.Normal, Normal).Concat(Enumerable.Repeat(Kind.Unsealable, Unsealable)).Concat(Enumerable.Repeat(Kind.Attack, Attacks)).ToArray();
        new Random(20261202).Shuffle(work);

        var clock = Stopwatch.StartNew();
        var results = new (Kind Kind, Guid MessageId)[work.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => results[i] = (work[i], await SubmitAsync(work[i])));
        var lastSubmission = clock.Elapsed;
        var deadline = DateTime.UtcNow.AddMinutes(1);
        output.WriteLine($"{work.Length} submissions in {lastSubmission.TotalSeconds:0.0} s");

        var normal = results.Where(r => r.Kind == Kind.Normal).Select(r => r.MessageId).ToList();
        var attacks = results.Where(r => r.Kind == Kind.Attack).Select(r => r.MessageId).ToList();
        await WaitForAsync(normal, Chain, deadline);
        output.WriteLine($"all {Normal} chains complete {(clock.Elapsed - lastSubmission).TotalSeconds:0.0} s after the last submission");
        await WaitForAsync(attacks, ["SubmissionRejection"], deadline);

        var unsealable = results.Where(r => r.Kind == Kind.Unsealable).Select(r => r.MessageId).ToHashSet();
        var parked = await WaitForParkedAsync(Unsealable, deadline);
        Assert.Equal(unsealable, parked.Select(p => p.MessageId).ToHashSet());
        Assert.All(parked, p => Assert.Equal("SubmissionAcceptance", p.EventName));
        Assert.All(parked, p => Assert.Contains("Sender.Identity[0].Value contains U+0001", p.Reason));

        using var health = await fixture.Provider.CreateClient().GetAsync("/health/ready");
        using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", report.RootElement.GetProperty("status").GetString());
        var evidence = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "evidence");
        Assert.Equal(Unsealable, evidence.GetProperty("data").GetProperty("parked").GetInt32());
        Assert.Contains($"{Unsealable} delivery event(s) parked", evidence.GetProperty("description").GetString());

        // One chain verified end to end: the evidence is sound, not just present.
        foreach (var file in await fixture.Court.WaitForEvidenceAsync(normal[^1], Chain)) EvidenceAssert.Valid(fixture.Provider, file);
        EvidenceAssert.Valid(fixture.Provider, Assert.Single(await fixture.Court.WaitForEvidenceAsync(attacks[^1], "SubmissionRejection")));
    }

    private enum Kind { Normal, Unsealable, Attack }

    private async Task<Guid> SubmitAsync(Kind kind)
    {
        switch (kind)
        {
            case Kind.Normal:
                return await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(P.Court, P.Firm));
            case Kind.Unsealable:
                return await fixture.Outsider.SubmitAcceptedAsync(TestMessage.Between(P.Outsider, P.Firm));
            default:
                var submission = TestMessage.Between(P.Court, P.Firm);
                using (var response = await fixture.Court.SubmitAsync(submission,
                    content: RawMultipart.Build(submission.MetadataJson(), ("form-data; name=\"x\u0001\"", "text/plain", "hallo"u8.ToArray()))))
                {
                    Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                    return (await ErdsApi.ProblemAsync(response)).GetProperty("messageId").GetGuid();
                }
        }
    }

    // Polls the evidence of many messages at once until each has every event, or the deadline passes.
    private async Task WaitForAsync(IReadOnlyList<Guid> messages, string[] events, DateTime deadline)
    {
        var open = messages.ToHashSet();
        while (open.Count > 0)
        {
            foreach (var chunk in open.Chunk(100).ToList())
            {
                var answer = await fixture.Court.GetJsonAsync("/api/v1/messages/evidence?" + string.Join("&", chunk.Select(id => $"messageId={id}")));
                foreach (var message in answer.GetProperty("messages").EnumerateArray())
                {
                    var present = message.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToHashSet();
                    if (events.All(present.Contains)) open.Remove(message.GetProperty("messageId").GetGuid());
                }
            }
            Assert.True(open.Count == 0 || DateTime.UtcNow < deadline,
                $"{open.Count} of {messages.Count} messages still lack some of [{string.Join(", ", events)}] a minute after the last submission.");
            if (open.Count > 0) await Task.Delay(200);
        }
    }

    private async Task<List<Persistence.Entities.ParkedDeliveryEvent>> WaitForParkedAsync(int expected, DateTime deadline)
    {
        while (true)
        {
            await using var scope = fixture.Provider.Database();
            var parked = await scope.Db.ParkedDeliveryEvents.AsNoTracking().ToListAsync();
            if (parked.Count >= expected || DateTime.UtcNow > deadline) return parked;
            await Task.Delay(200);
        }
    }
}
