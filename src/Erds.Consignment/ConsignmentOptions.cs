namespace Erds.Consignment;

public sealed class ConsignmentOptions
{
    public const string Section = "Erds:Consignment";

    // Base URL recipients are pointed to in notifications, e.g. https://erds.example.org.
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    // How often expired messages are looked for.
    public TimeSpan ExpiryScanInterval { get; set; } = TimeSpan.FromSeconds(30);
}
