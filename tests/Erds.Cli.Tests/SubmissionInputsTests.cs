using Erds.Cli.Fuzz.Submissions;
using Xunit;

namespace Erds.Cli.Tests;

// The submission fuzz's generator: the same seed makes the same requests, every kind takes its turn, and
// the generator itself never fails (a failure would send the valid submission in its place).
public sealed class SubmissionInputsTests
{
    private static readonly FuzzParties Parties = new("token-0123456789", "griffie@rechtbank.example", ["kantoor@devries-advocaten.example", "mr.jansen@devries-advocaten.example"], 64 * 1024);

    [Fact]
    public void The_same_seed_and_number_make_the_same_requests()
    {
        var first = new SubmissionInputs(Parties, 7);
        var second = new SubmissionInputs(Parties, 7);
        for (var index = 0; index < SubmissionInputs.Kinds.Count * 3; index++)
        {
            var a = first.Make(index);
            var b = second.Make(index);
            Assert.Equal(a.Kind, b.Kind);
            Assert.Equal(a.Requests.Count, b.Requests.Count);
            for (var n = 0; n < a.Requests.Count; n++)
            {
                Assert.Equal(a.Requests[n].Body, b.Requests[n].Body);
                Assert.Equal(a.Requests[n].ContentType, b.Requests[n].ContentType);
                Assert.Equal(a.Requests[n].Headers, b.Requests[n].Headers);
            }
        }
    }

    [Fact]
    public void Every_kind_takes_its_turn_and_the_generator_never_fails()
    {
        var inputs = new SubmissionInputs(Parties, 20261203);
        var made = Enumerable.Range(0, SubmissionInputs.Kinds.Count * 20).Select(inputs.Make).ToList();

        Assert.Empty(inputs.GeneratorFailures);
        Assert.Equal(SubmissionInputs.Kinds, made.Take(SubmissionInputs.Kinds.Count).Select(i => i.Kind));
        Assert.All(made.Where(i => i.Kind.StartsWith("idempotency-re", StringComparison.Ordinal) || i.Kind == "idempotency-concurrent"), i => Assert.Equal(2, i.Requests.Count));
        Assert.Contains(made.Where(i => i.Kind == "over-limit"), i => i.Requests[0].Body.Length > Parties.SizeLimit);
    }
}
