namespace Erds.Consignment;

public sealed class ConsignmentOptions
{
    public const string Section = "Erds:Consignment";

    // Base URL recipients are pointed to in notifications, e.g. https://erds.example.org.
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    // How often expired deliveries and content past its retention are looked for.
    public TimeSpan ExpiryScanInterval { get; set; } = TimeSpan.FromSeconds(30);

    // How long a retrieval that began before the deadline may take before the delivery is closed as
    // expired all the same (a 1 GiB download on a slow line).
    public TimeSpan RetrievalGrace { get; set; } = TimeSpan.FromHours(2);

    // How long content is kept after its delivery ended (handed over, refused or expired).
    public TimeSpan ContentRetention { get; set; } = TimeSpan.FromDays(30);
}
