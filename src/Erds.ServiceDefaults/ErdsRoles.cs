using Microsoft.Extensions.Configuration;

namespace Erds.ServiceDefaults;

// Which services this process runs: all three in the embedded default; one (or some) per process
// in the distributed mode, from the same binary. Erds:Roles = "submission,evidence,consignment".
public sealed record ErdsRoles(bool Submission, bool Evidence, bool Consignment)
{
    public const string Key = "Erds:Roles";
    private static readonly string[] Known = ["submission", "evidence", "consignment"];

    public static ErdsRoles From(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value)) return new ErdsRoles(true, true, true);
        var roles = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => r.ToLowerInvariant()).ToList();
        var unknown = roles.Except(Known).ToList();
        if (unknown.Count > 0 || roles.Count == 0)
        {
            throw new InvalidOperationException($"{Key} '{value}': roles are {string.Join(", ", Known)} (unknown: {string.Join(", ", unknown)}).");
        }
        return new ErdsRoles(roles.Contains("submission"), roles.Contains("evidence"), roles.Contains("consignment"));
    }

    public override string ToString() =>
        string.Join(",", new[] { Submission ? "submission" : null, Evidence ? "evidence" : null, Consignment ? "consignment" : null }.OfType<string>());
}
