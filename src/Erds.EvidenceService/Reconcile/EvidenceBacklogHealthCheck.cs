using Erds.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Erds.EvidenceService.Reconcile;

// Readiness of the evidence service as an operator needs it: Degraded, not Unhealthy (the process
// still issues evidence for everything else and must stay in service), when events are parked or
// when the oldest event without evidence is older than Erds:Evidence:MaxEvidenceDelay. The parked
// count is read afresh (a count of a small table); the backlog comes from the last reconciliation.
public sealed class EvidenceBacklogHealthCheck(
    IServiceScopeFactory scopes, EvidenceBacklog backlog, IOptions<EvidenceServiceOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        int parked;
        await using (var scope = scopes.CreateAsyncScope())
        {
            parked = await scope.ServiceProvider.GetRequiredService<ErdsDbContext>().ParkedDeliveryEvents.CountAsync(cancellationToken);
        }
        var last = backlog.Last;
        var data = new Dictionary<string, object> { ["parked"] = parked };
        List<string> problems = [];
        if (parked > 0) problems.Add($"{parked} delivery event(s) parked: their evidence cannot be sealed as recorded (erds faults parked)");
        if (last is not null)
        {
            data["lastReconciliation"] = last.ScannedAt;
            if (last.OldestOpenEvent is { } oldest)
            {
                data["oldestEventWithoutEvidence"] = oldest;
                var age = time.GetUtcNow() - oldest;
                if (age > options.Value.MaxEvidenceDelay)
                {
                    problems.Add($"the oldest delivery event without evidence is {age.TotalMinutes:0} minutes old (bound {options.Value.MaxEvidenceDelay.TotalMinutes:0})");
                }
            }
        }
        return problems.Count == 0
            ? HealthCheckResult.Healthy("Every delivery event gets its evidence.", data)
            : HealthCheckResult.Degraded("Evidence: " + string.Join("; ", problems) + ".", data: data);
    }
}
