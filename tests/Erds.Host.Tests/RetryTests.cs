using Erds.Evidence.Timestamping;
using Erds.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Erds.Host.Tests;

public sealed class FlakyTimestampAuthorityFixture : ProviderFixtureBase
{
    public FlakyTimestampAuthorityFixture() : base(new TestProvider
    {
        // No immediate retry, then two short delays: three attempts in all.
        Settings = new Dictionary<string, string>
        {
            ["Erds:Bus:ImmediateRetries"] = "0",
            ["Erds:Bus:RetryIntervals:0"] = "00:00:00.05",
            ["Erds:Bus:RetryIntervals:1"] = "00:00:00.05",
        },
        TestServices = services =>
        {
            var registered = services.Last(d => d.ServiceType == typeof(ITimestampClient));
            services.AddSingleton<ITimestampClient>(provider =>
                new FlakyTimestampClient((ITimestampClient)registered.ImplementationFactory!(provider), failures: 2));
        },
    })
    {
    }
}

// The evidence service's consumer fails twice (its timestamp authority is away) and succeeds on the
// third attempt of the bus retry: one evidence, no fault, nothing left for the reconciler.
public sealed class RetryTests(FlakyTimestampAuthorityFixture fixture) : IClassFixture<FlakyTimestampAuthorityFixture>
{
    [Fact]
    public async Task Evidence_issuance_that_fails_twice_is_retried_into_exactly_one_evidence()
    {
        var messageId = await fixture.Court.SubmitAcceptedAsync(TestMessage.Between(fixture.Parties.Court, fixture.Parties.Firm));

        var evidence = await fixture.Court.WaitForEvidenceAsync(messageId, "SubmissionAcceptance");

        Assert.Equal(2, ((FlakyTimestampClient)fixture.Provider.Services.GetRequiredService<ITimestampClient>()).Failed);
        Assert.Single(evidence, e => e.Event == "SubmissionAcceptance");
        await using var scope = fixture.Provider.Database();
        Assert.Equal(1, await scope.Db.Evidence.CountAsync(e => e.MessageId == messageId && e.EventName == "SubmissionAcceptance"));
    }
}
