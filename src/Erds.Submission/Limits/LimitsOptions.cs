namespace Erds.Submission.Limits;

// What one caller may cost the provider. Zero turns a limit off (for load and fuzz runs, or where a
// gateway in front already enforces it). Rates are counted per API process: a deployment with n
// submission processes admits n times the rate.
public sealed class LimitsOptions
{
    public const string Section = "Erds:Limits";

    // Requests per second a credential may make on average, and how many it may make at once after
    // being idle (a token bucket).
    public int PerCredentialRequestsPerSecond { get; set; } = 20;

    public int PerCredentialBurst { get; set; } = 200;

    // The same for requests without a valid credential, counted per client address: this is what
    // stands in front of guessing tokens.
    public int PerAddressRequestsPerSecond { get; set; } = 5;

    public int PerAddressBurst { get; set; } = 50;

    // Submissions of one organisation being received at the same time.
    public int ConcurrentSubmissionsPerOrganisation { get; set; } = 16;

    // Messages (accepted or rejected: both cost evidence) an organisation may submit per UTC day.
    public int MessagesPerDay { get; set; } = 20_000;

    // Content an organisation may have stored at once; content is freed when it is deleted after
    // handover and retention.
    public long StoredBytes { get; set; } = 100L << 30;

    // How long a submission's upload may stall (no byte arriving) before it is refused.
    public TimeSpan UploadIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    // Kestrel's minimum request body data rate, after a grace period: a slow trickle is refused too.
    public int MinUploadBytesPerSecond { get; set; } = 1024;

    public TimeSpan MinUploadRateGracePeriod { get; set; } = TimeSpan.FromSeconds(10);
}
